# Khen thưởng — build, run and test on Debian.
# `make run` and `make test` install the Debian packages they need when missing.

GO      ?= go
TAGS    := -tags migrated_fynedo
BIN     := bin/khenthuong
VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X main.version=$(VERSION)

# Fyne's OpenGL driver needs the GL/X11 headers; the tests read PDFs with
# poppler-utils and the smoke test runs the window under Xvfb; the office-server
# tests run a throwaway PostgreSQL cluster (postgresql, openssl for its TLS);
# the scale benchmarks read each command's peak memory with GNU time;
# the printing tests start their own CUPS scheduler with virtual PDF printers (cups-pdf)
# and read the jobs' options back with ipptool (cups-ipp-utils).
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev libxxf86vm-dev libgl1-mesa-dri \
	poppler-utils xvfb xauth x11-utils imagemagick postgresql openssl time \
	cups printer-driver-cups-pdf cups-ipp-utils

# The Windows release, cross-built with mingw-w64 and tested under Wine: resources
# (windres, ImageMagick for the icon), zip, osslsigncode for signing, Wine,
# Xvfb and icoutils for the tests.
WIN_PACKAGES := gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 imagemagick zip unzip openssl osslsigncode \
	wine wine64 icoutils xvfb xauth x11-utils libgl1-mesa-dri msitools wixl

.PHONY: all setup build run test vet unit smoke bench stress fuzz clean windows windows-setup windows-test

all: build

setup:
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Cài các gói Debian còn thiếu:$$missing"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: setup
	$(GO) build $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/khenthuong

# Starts the app on the default data file (in the user's configuration folder).
run: build
	./$(BIN)

vet:
	$(GO) vet $(TAGS) ./...

# The unit tests run beside a throwaway PostgreSQL cluster (scripts/pg-test.sh),
# so the office-server tests run too; the cluster is stopped afterwards.
unit:
	scripts/pg-test.sh $(GO) test $(TAGS) -count=1 ./...

smoke: build
	scripts/smoke-gui.sh $(BIN)

test: setup vet smoke windows-test unit

# dist/khenthuong.exe, dist/khenthuong-VERSION-windows-amd64.zip and the
# installer dist/khenthuong-VERSION.msi (wixl, msitools).
# RELEASE=1 adds -trimpath; SIGN_CERT=... SIGN_KEY=... [SIGN_PASS=...] sign the exe and the msi.
windows: windows-setup
	GO="$(GO)" scripts/windows-build.sh

windows-setup:
	@$(MAKE) --no-print-directory setup DEB_PACKAGES="$(WIN_PACKAGES)"

# Signing (exe and msi) with a throwaway certificate, the exe's resources and the zip; then the
# exe under Wine: the CLI against the Linux binary, the window, Vietnamese typing,
# the window's size and place on a laptop.
windows-test: windows build
	GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc $(GO) vet $(TAGS) ./cmd/khenthuong
	@rc=0; \
	scripts/windows-sign-test.sh dist/khenthuong.exe || rc=1; \
	scripts/windows-smoke.sh dist/khenthuong.exe $(BIN) || rc=1; \
	scripts/windows-typing-test.sh dist/khenthuong.exe || rc=1; \
	scripts/windows-window-test.sh dist/khenthuong.exe || rc=1; \
	scripts/windows-msi-test.sh dist/khenthuong-$(VERSION).msi || rc=1; \
	scripts/windows-print-test.sh dist/khenthuong.exe $(BIN) || rc=1; \
	exit $$rc

# The office-server benchmarks run on a throwaway cluster with 1,000,000
# nominations (KHENTHUONG_BENCH_NOMINATIONS=100000 for a quicker run).
bench: setup
	scripts/pg-test.sh $(GO) test $(TAGS) -timeout 60m -run '^$$' -bench . -benchmem ./... | scripts/bench-table.sh

# The long reliability tests (package stress, tests named Stress...): the real
# binary killed with SIGKILL in the middle of an import and of issuing a
# decision (20 runs each), a backup/restore round trip of 100,000 nominations.
stress: setup
	KHENTHUONG_STRESS=1 $(GO) test $(TAGS) -count=1 -run Stress -timeout 20m -v ./stress/...

fuzz: setup
	scripts/fuzz.sh

clean:
	rm -rf bin dist
