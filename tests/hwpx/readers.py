#!/usr/bin/env python3
"""Check HWPX files with readers yoyak does not control (used by tests/it/hwpx_readers.rs).

usage: readers.py FONT_DIR PNG_DIR FILE.hwpx...

For each file: python-hwpx's OWPML schema validator (hwpx-validate) and package validator
(hwpx-validate-package), python-hwpx's text extraction (hwpx-text-extract --include-tables),
and rhwp (an independent reader with its own layout engine): page count, every text it
parsed, and page 1 rendered to PNG (SVG from rhwp, rasterised by resvg with yoyak's fonts).
Prints one JSON object per file, one per line. Run with the venv's python; rhwp-python needs
`LD_PRELOAD` of the system libfreetype on Debian 12 (the Rust test sets it).
"""
import json
import os
import subprocess
import sys

BIN = os.path.dirname(sys.executable)


def run(tool, path, *extra):
    """Exit code and combined output of a python-hwpx command-line tool."""
    p = subprocess.run([os.path.join(BIN, tool), *extra, path], capture_output=True, text=True)
    return {"code": p.returncode, "output": (p.stdout + p.stderr)[-4000:]}


def strings(node, out):
    """Every string in rhwp's IR JSON: the text of paragraphs and table cells alike."""
    if isinstance(node, str):
        out.append(node)
    elif isinstance(node, list):
        for x in node:
            strings(x, out)
    elif isinstance(node, dict):
        for x in node.values():
            strings(x, out)


def rhwp_report(path, font_dir, png):
    """What rhwp reads and draws."""
    import rhwp
    import resvg_py

    doc = rhwp.Document(path)
    ir = []
    strings(json.loads(doc.to_ir_json()), ir)
    svg = doc.render_svg(0)
    # The document names 한/글's faces (함초롬바탕, 함초롬돋움), which this machine lacks: the
    # generic families fall back to yoyak's embedded fonts, as 한/글 substitutes missing faces.
    data = resvg_py.svg_to_bytes(
        svg_string=svg,
        font_dirs=[font_dir],
        skip_system_fonts=True,
        serif_family="NanumGothic",
        sans_serif_family="Pretendard",
        font_family="NanumGothic",
        background="#ffffff",
    )
    with open(png, "wb") as f:
        f.write(bytes(data))
    return {
        "pages": doc.page_count,
        "paragraphs": doc.paragraph_count,
        "text": doc.extract_text(),
        "ir_text": "\n".join(ir),
        "roundtrip": bool(doc.verify_hwpx_roundtrip().ok),
        "png": png,
        "png_bytes": len(data),
    }


def main():
    font_dir, png_dir, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    for path in files:
        png = os.path.join(png_dir, os.path.basename(path) + ".page1.png")
        report = {
            "file": path,
            "schema": run("hwpx-validate", path),
            "package": run("hwpx-validate-package", path),
            "python_hwpx_text": run("hwpx-text-extract", path, "--include-tables")["output"],
        }
        try:
            report["rhwp"] = rhwp_report(path, font_dir, png)
        except Exception as e:  # the test reports it as a failure with this message
            report["rhwp_error"] = f"{type(e).__name__}: {e}"
        print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
