#!/usr/bin/env bash
# The clerk's whole process through the CLI, for a release-to-release comparison:
#   scripts/regress/run.sh BIN OUTDIR DATADIR
# DATADIR holds genlong.py's long files; the small unit files are roster's
# testdata/libreoffice and, when present, last session's hand-made QA files (QA_DIR,
# default /tmp/qa). Every command's exit code, stdout and stderr go to OUTDIR/NN-name.{rc,out,err},
# its output files beside them; compare two OUTDIRs with compare.py.
set -uo pipefail
bin=$(realpath "$1"); out=$2; data=$(realpath "$3")
repo=$(cd "$(dirname "$0")/../.." && pwd)
qa=${QA_DIR:-/tmp/qa}
rm -rf "$out"; mkdir -p "$out/in"; cd "$out"
# The same relative names in both runs, so messages naming files compare equal.
cp "$data"/* in/
cp "$repo"/roster/testdata/libreoffice/* in/
[ -d "$qa" ] && cp "$qa"/u*.xlsx "$qa"/u*.xls "$qa"/u*.csv "$qa"/u*.docx "$qa"/u*.txt "$qa"/wrong.xlsx in/ 2>/dev/null
n=0
run() { # run NAME ARGS... (against ./k.db)
	local name=$1; shift
	n=$((n + 1)); local tag; tag=$(printf '%03d-%s' "$n" "$name")
	local t0=$(date +%s.%N)
	"$bin" --db k.db "$@" >"$tag.out" 2>"$tag.err"; echo $? >"$tag.rc"
	echo "$tag $(echo "$(date +%s.%N) - $t0" | bc) s" >>times.txt
}
run campaign-new campaign new --name "Tổng kết năm 2024" --type hangnam --from 2024-01-01 --to 2024-12-31 --ceremony-date 2025-01-15 --place "Hội trường UBND tỉnh"
run campaign-new2 campaign new --name "Khen thưởng đột xuất" --type dotxuat
# Small unit files, every format the readers know.
for f in in/u*.* in/UnitFile* in/LegacyFonts*; do
	run "import-$(basename "$f")" import "$f" --campaign 1 --form BKCT
done
run import-json-u13 import in/u13_groups.xlsx --campaign 2 --form BKCT --json
# Long files.
run import-long_utf8.xlsx import in/long_utf8.xlsx --campaign 1
run import-long_tcvn3.xlsx import in/long_tcvn3.xlsx --campaign 1 --form GKSO
run import-long_utf8.csv import in/long_utf8.csv --campaign 1 --form LDTT --valid-only --rejected rej-long_utf8.xlsx
run import-long_cp1258.csv import in/long_cp1258.csv --campaign 1 --form GKSO
# Wrong inputs.
run bad-long_bad_end.xlsx import in/long_bad_end.xlsx --campaign 1 --form GKSO
run bad-long_bad_end.csv import in/long_bad_end.csv --campaign 1 --form GKSO
run bad-long_bad_end-json import in/long_bad_end.csv --campaign 1 --form GKSO --json
run bad-not_a_sheet import in/not_a_sheet.xlsx --campaign 1 --form GKSO
run bad-wrong import in/wrong.xlsx --campaign 1 --form GKSO
run bad-unknown-form import in/u19_khoi.xlsx --campaign 1 --form XYZ
run bad-missing import in/nothing.xlsx --campaign 1
run bad-campaign import in/u19_khoi.xlsx --campaign 99 --form BKCT
run list-nominations list nominations --campaign 1 --json
# Review: reject, defer, approve the rest.
run review-reject review --campaign 1 --reject 3,4 --reason "Chưa đủ thời gian công tác"
run review-defer review --campaign 1 --defer 5
run review-approve review --campaign 1 --approve all-submitted
run review-bad review --campaign 1 --approve 999999
run review-approve2 review --campaign 2 --approve all-submitted
# Decisions of several kinds.
common=(--date 2024-12-20 --signer-title "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" --signer "Nguyễn Văn Hùng" --submission-no "120/TTr-SNV" --submission-date 2024-12-10 --achievement "Đã có thành tích xuất sắc trong công tác năm 2024")
run dec-bkct decision new --campaign 1 --form BKCT --number 101/QĐ-UBND "${common[@]}" --order list
run dec-gkxa decision new --campaign 1 --form GKXA --number 102/QĐ-UBND "${common[@]}" --order alpha
run dec-gkso decision new --campaign 1 --form GKSO --number 103/QĐ-UBND "${common[@]}" --order unit
run dec-ldtt decision new --campaign 1 --form LDTT --number 104/QĐ-UBND "${common[@]}"
run dec-draft-blank decision new --campaign 2 --form BKCT --number 105/QĐ-UBND --date 2024-12-21 --signer-title "CHỦ TỊCH" --signer "" --nominations approved
run issue-1 decision issue 1
run issue-2 decision issue 2
run issue-3 decision issue 3
run issue-4 decision issue 4
run issue-again decision issue 1
run issue-draft-blank decision issue 5
run amend-2 decision amend 2 --reason "Sửa số quyết định" --number 102a/QĐ-UBND --date 2024-12-22
run list-decisions list decisions --json
run list-nominations-after list nominations --campaign 1 --json
run list-campaigns list campaigns --json
run list-forms list forms --json
run series series list --json
for q in "nguyen van" "Thị Hà" "ngu hoa" "UBND" "xyzxyz"; do run "search-${q// /_}" search "$q" --json; done
run history history "Nguyễn Văn Tình" --json
# Exports.
for o in list alpha; do
	run "export-camp-$o-xlsx" export --campaign 1 -o "camp-$o.xlsx" --order "$o"
	run "export-camp-$o-csv" export --campaign 1 -o "camp-$o.csv" --order "$o"
	for d in 1 2 3; do
		run "export-dec$d-$o-xlsx" export --decision $d -o "dec$d-$o.xlsx" --order "$o"
		run "export-dec$d-$o-csv" export --decision $d -o "dec$d-$o.csv" --order "$o" --sep ';'
	done
done
run export-bad export --decision 99 -o bad.xlsx
run export-draft export --decision 5 -o draft.xlsx
# Prints.
for d in 1 2 4; do
	run "print-dec$d-pdf" print decision --decision $d -o "qd$d.pdf"
	run "print-dec$d-docx" print decision --decision $d -o "qd$d.docx"
	run "print-list$d" print list --decision $d -o "list$d.pdf"
	run "print-list$d-table" print list --decision $d --table -o "listtable$d.pdf"
done
run print-dec3-docx print decision --decision 3 -o qd3.docx
run print-payments-pdf print payments --decision 1,2,3,4 -o pay.pdf
run print-payments-xlsx print payments --decision 1,2,3,4 -o pay.xlsx
run print-payments1-xlsx print payments --decision 1 -o pay1.xlsx
run print-runsheet print runsheet --decision 1,4 --batch 8 --presenter "Nguyễn Văn Hùng, Phó Chủ tịch UBND tỉnh" -o runsheet.pdf
run print-cert-plain print certificates --decision 1 --mode plain -o cert-plain.pdf
run print-cert-blank print certificates --decision 1 --trays -o cert-blank.pdf
run print-cert-draft print certificates --decision 5 --draft -o cert-draft.pdf
run print-cert-notissued print certificates --decision 5 -o cert-no.pdf
run print-bad print decision --decision 99 -o bad.pdf
run print-badext print payments --decision 1 -o pay.txt
run report-pdf report --from 2024-01-01 --to 2024-12-31 -o report.pdf
run report-xlsx report --from 2024-01-01 --to 2024-12-31 -o report.xlsx
run report-badform report --from 2024-01-01 --to 2024-12-31 --form XYZ -o r.pdf
# A campaign of twelve forms and a decision of 25,000 in alphabetical order.
run campaign-new3 campaign new --name "Phong trào thi đua 2020 - 2025" --type phongtrao --from 2020-01-01 --to 2025-06-30
run import-many_forms import in/many_forms.xlsx --campaign 3
run import-big25k import in/big25k.csv --campaign 3 --form BKMTTQ
run review-approve3 review --campaign 3 --approve all-submitted
run dec-big decision new --campaign 3 --form BKMTTQ --number 201/QĐ-MTTQ "${common[@]}" --order alpha
run dec-cstdt decision new --campaign 3 --form CSTDT --number 202/QĐ-UBND "${common[@]}" --order unit
run issue-big decision issue 6
run issue-cstdt decision issue 7
for o in list alpha; do
	run "export-camp3-$o-xlsx" export --campaign 3 -o "camp3-$o.xlsx" --order "$o"
	run "export-camp3-$o-csv" export --campaign 3 -o "camp3-$o.csv" --order "$o"
	run "export-dec6-$o-xlsx" export --decision 6 -o "dec6-$o.xlsx" --order "$o"
done
run print-dec6-docx print decision --decision 6 -o qd6.docx
run print-dec7-pdf print decision --decision 7 -o qd7.pdf
run print-payments67-xlsx print payments --decision 6,7,1 -o pay67.xlsx
run print-payments67-pdf print payments --decision 7,1 -o pay7.pdf
run print-runsheet7 print runsheet --decision 7 --batch 5 -o runsheet7.pdf
run print-cert7 print certificates --decision 7 --mode plain -o cert7.pdf
run list-decisions-3 list decisions --campaign 3 --json
# The streamed reader's two passes: what it learns late in a long file.
run campaign-new4 campaign new --name "Đợt kiểm tra đọc tệp dài" --type dotxuat
for f in late_legacy_two_sheets.xlsx header_late.csv; do
	run "dry-$f" import "in/$f" --campaign 4 --form GKSO --dry-run --json
	run "import-$f" import "in/$f" --campaign 4 --form GKSO --valid-only
done
run export-camp4-csv export --campaign 4 -o camp4.csv
run audit audit --json
run print-history print history "Nguyễn Văn Tình" -o history.pdf
run template template -o template.xlsx
run check check
run backup backup -o backup.db.gz
run restore restore backup.db.gz
run check-after check
run list-decisions-after list decisions --json
rm -f k.db* backup.db.gz; rm -rf in backups
