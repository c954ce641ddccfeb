# Khen thưởng — build, run and test on Debian.
# `make run` and `make test` install the Debian packages they need when missing.

GO      ?= go
TAGS    := -tags migrated_fynedo
BIN     := bin/khenthuong
VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X main.version=$(VERSION)

# Fyne's OpenGL driver needs the GL/X11 headers; the tests read PDFs with
# poppler-utils and the smoke test runs the window under Xvfb.
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev libxxf86vm-dev libgl1-mesa-dri \
	poppler-utils xvfb xauth x11-utils imagemagick

.PHONY: all setup build run test vet unit smoke bench fuzz clean

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

unit:
	$(GO) test $(TAGS) -count=1 ./...

smoke: build
	scripts/smoke-gui.sh $(BIN)

test: setup vet unit smoke

bench: setup
	$(GO) test $(TAGS) -run '^$$' -bench . -benchmem ./... | scripts/bench-table.sh

fuzz: setup
	scripts/fuzz.sh

clean:
	rm -rf bin dist
