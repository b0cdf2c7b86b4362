#!/usr/bin/env bash
# Rebuilds the PDFs of this folder: the seed report (input-samples/gongshu-investment-2021.xlsx) merged to .docx,
# then published the ways agencies publish it. PdfProducersTest reads each and compares every cell with the .docx.
# Needs: soffice (libreoffice-writer-nogui), /usr/bin/python3 with python3-docx, xelatex (texlive-xetex,
# texlive-lang-chinese), chromium, fonts-noto-cjk, fonts-wqy-zenhei.   Usage: bash src/test/resources/pdf-producers/make.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3
make="$here/make.py"
"$repo/docmerge" merge "$repo/input-samples/gongshu-investment-2021.xlsx" -o "$work/report.docx" >/dev/null
cd "$work"
cp report.docx lo-default.docx
cp report.docx lo-tagged.docx
cp report.docx lo-pdfa2b.docx
"$py" "$make" landscape report.docx lo-landscape.docx
"$py" "$make" kangxi report.docx lo-kangxi.docx
"$py" "$make" fonts report.docx lo-noto-serif.docx "Noto Serif CJK SC"
"$py" "$make" fonts report.docx lo-wqy.docx "WenQuanYi Zen Hei"
"$py" "$make" latex report.docx xelatex.tex
lo=(soffice --headless "-env:UserInstallation=file://$work/lo")
"${lo[@]}" --convert-to pdf --outdir out lo-default.docx lo-landscape.docx lo-kangxi.docx lo-noto-serif.docx lo-wqy.docx >/dev/null
"${lo[@]}" --convert-to 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}' --outdir out lo-tagged.docx >/dev/null
"${lo[@]}" --convert-to 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}' --outdir out lo-pdfa2b.docx >/dev/null
xelatex -interaction=nonstopmode -halt-on-error -output-directory=out xelatex.tex >/dev/null
# a web page of the report (LibreOffice's HTML) printed by Chromium, page header and footer lines included
"${lo[@]}" --convert-to html --outdir html report.docx >/dev/null
/usr/bin/chromium --headless --no-sandbox --disable-gpu "--user-data-dir=$work/chromium" \
  "--print-to-pdf=$work/out/chromium-html.pdf" "file://$work/html/report.html" >/dev/null 2>&1
for f in lo-default lo-tagged lo-pdfa2b lo-landscape lo-kangxi lo-noto-serif lo-wqy xelatex chromium-html; do
  cp "out/$f.pdf" "$here/$f.pdf"
done
echo "written to $here"
