"""The deck's metadata and its bytes: fixed core properties and a zip written with fixed entry times,
so the same content gives the same .pptx (python-pptx's own save stamps every entry with the time).
"""
from __future__ import annotations

import io
import re
import zipfile

from booklet.outputs.deck_pptx.private import package_rels_xml

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def set_properties(prs, meta, when) -> None:
    props = prs.core_properties
    stamp = when.replace(tzinfo=None)
    props.title, props.subject, props.keywords = meta.title, meta.subject, ", ".join(meta.keywords)
    props.author = props.last_modified_by = meta.author
    props.language, props.revision = meta.language, 1
    props.created = props.modified = stamp
    props.category, props.comments = "", ""


CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxml'
                 'formats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
                 'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>')
APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.'
       'org/officeDocument/2006/extended-properties"><TotalTime>0</TotalTime><Application>booklet (patient-'
       'education kit builder)</Application><PresentationFormat>{format}</PresentationFormat><Slides>{slides}'
       '</Slides><Notes>{notes}</Notes><HiddenSlides>0</HiddenSlides></Properties>')
XLSX_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def package_bytes(prs) -> bytes:
    """The .pptx as bytes, written directly with fixed entry times so the same deck gives the same bytes
    (python-pptx's own save stamps every entry with the current time)."""
    package = prs.part.package
    parts = list(package.iter_parts())
    types = "".join(f'<Override PartName="{p.partname}" ContentType="{p.content_type}"/>' for p in parts)
    entries = [("[Content_Types].xml", (CONTENT_TYPES + types + "</Types>").encode()),
               ("_rels/.rels", package_rels_xml(prs))]
    for part in parts:
        blob = part.blob
        if part.partname == "/docProps/app.xml":   # the template's says "4:3, 0 slides"
            blob = APP.format(slides=len(prs.slides), format=_format(prs),
                              notes=sum(p.partname.startswith("/ppt/notesSlides/") for p in parts)).encode()
        elif part.partname.ext == "xlsx":      # the chart's embedded workbook carries its own clock
            blob = _stable_zip(blob, prs.core_properties.created.strftime("%Y-%m-%dT%H:%M:%SZ").encode())
        entries.append((part.partname.membername, blob))
        if len(part.rels):
            entries.append((part.partname.rels_uri.membername, part.rels.xml))
    return _zip(entries)


def _format(prs) -> str:
    """The slide size as PowerPoint names it in app.xml."""
    ratio = prs.slide_width / prs.slide_height
    return "Widescreen" if abs(ratio - 16 / 9) < 0.01 else "On-screen Show (4:3)" if abs(ratio - 4 / 3) < 0.01 \
        else "Custom"


def _zip(entries) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, blob in entries:
            entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            dst.writestr(entry, blob)
    return out.getvalue()


def _stable_zip(data: bytes, stamp: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return _zip([(i.filename, XLSX_DATES.sub(rb"\g<1>" + stamp + rb"\g<2>", src.read(i.filename))
                      if i.filename == "docProps/core.xml" else src.read(i.filename)) for i in src.infolist()])
