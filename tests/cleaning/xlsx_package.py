"""Checks of an .xlsx package for the known causes of Excel's "We found a problem with some
content in ..." on generated files (Excel itself is not available to the tests).

:func:`package_problems` opens the file as the zip it is and returns one sentence per problem:
a part that is not well-formed XML or has no content type, a relationship to a missing part,
a sheet name Excel refuses, a print-titles name that is malformed or points at another sheet,
overlapping or malformed merged ranges, text longer than a cell holds or with characters XML
forbids, a ``<dimension>`` that does not cover the cells, rows or cells out of order, a style
index past the style table, a frozen pane whose top-left cell does not match its split, child
elements of the worksheet and workbook out of the order the schema requires, and any formula:
our exports hold values only, so a formula is a text that was written as one ("=> chuyển về
ấp 3" shows Err:509 or #NAME? and is lost on re-import).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOCUMENT = DOC_REL + "/officeDocument"
WORKSHEET_TYPE = DOC_REL + "/worksheet"
WORKBOOK_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CELL_LIMIT = 32_767
SHEET_NAME_FORBIDDEN = set("[]:*?/\\")
# xsd:sequence of CT_Worksheet and CT_Workbook (ECMA-376 Part 1, sml.xsd).
WORKSHEET_ORDER = (
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
    "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState",
    "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
    "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
    "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags",
    "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects",
    "controls", "webPublishItems", "tableParts", "extLst",
)  # fmt: skip
WORKBOOK_ORDER = (
    "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets",
    "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize",
    "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
    "fileRecoveryPr", "webPublishObjects", "extLst",
)  # fmt: skip
REPEATABLE = {"conditionalFormatting"}  # the only worksheet children that may repeat
CELL_TYPES = {"b", "d", "e", "inlineStr", "n", "s", "str"}
# Characters XML 1.0 forbids (a parser refuses them raw; char references may still hide them).
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
PRINT_TITLES = re.compile(r"^(?P<sheet>'(?:[^']|'')+'|[^'!\s]+)!\$(?P<first>\d+):\$(?P<last>\d+)$")
CELL_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def _q(tag: str, ns: str = MAIN) -> str:
    return f"{{{ns}}}{tag}"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def cell_position(ref: str) -> tuple[int, int]:
    """ "B3" -> (row 3, column 2); ValueError when it is no cell reference."""
    match = CELL_REF.match(ref)
    if match is None:
        raise ValueError(ref)
    return int(match.group(2)), column_number(match.group(1))


def _range(ref: str) -> tuple[int, int, int, int]:
    """ "A1:Q2" -> (first row, first column, last row, last column)."""
    first, _, last = ref.partition(":")
    (r1, c1), (r2, c2) = cell_position(first), cell_position(last or first)
    return r1, c1, r2, c2


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _resolve(source: str, target: str) -> str:
    """A relationship target as a part name (no leading slash)."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _text_problems(where: str, text: str) -> list[str]:
    found = []
    if _utf16_length(text) > CELL_LIMIT:
        found.append(f"{where}: text of {_utf16_length(text)} characters (limit {CELL_LIMIT})")
    if FORBIDDEN_CHARS.search(text):
        found.append(f"{where}: character not allowed in XML: {text!r:.80}")
    return found


def _order_problems(where: str, root: ET.Element, order: tuple[str, ...]) -> list[str]:
    found = []
    last = -1
    seen: set[str] = set()
    for child in root:
        name = _local(child.tag)
        if name not in order:
            found.append(f"{where}: unexpected element <{name}>")
            continue
        if name in seen and name not in REPEATABLE:
            found.append(f"{where}: <{name}> twice")
        index = order.index(name)
        if index < last:
            found.append(f"{where}: <{name}> after <{order[last]}> (schema order)")
        last = max(last, index)
        seen.add(name)
    return found


def _worksheet_problems(name: str, root: ET.Element, styles: int, shared: list[str]) -> list[str]:
    found = _order_problems(name, root, WORKSHEET_ORDER)
    cells: list[tuple[int, int]] = []
    previous_row = 0
    for row in root.iter(_q("row")):
        number = int(row.get("r", previous_row + 1))
        if number <= previous_row:
            found.append(f"{name}: row {number} after row {previous_row}")
        previous_row = number
        previous_col = 0
        for cell in row.findall(_q("c")):
            ref = cell.get("r")
            try:
                r, c = cell_position(ref) if ref else (number, previous_col + 1)
            except ValueError:
                found.append(f"{name}: bad cell reference {ref!r}")
                continue
            if r != number or c <= previous_col:
                found.append(f"{name}: cell {ref} out of place in row {number}")
            previous_col = c
            cells.append((r, c))
            if int(cell.get("s", "0")) >= styles:
                found.append(f"{name}: cell {ref} uses style {cell.get('s')} of {styles}")
            kind = cell.get("t", "n")
            if kind not in CELL_TYPES:
                found.append(f"{name}: cell {ref} has type {kind!r}")
            value = cell.find(_q("v"))
            if cell.find(_q("f")) is not None:
                found.append(f"{name}: cell {ref} holds a formula (our exports hold values only)")
            if kind == "s":
                if value is None or not (value.text or "").isdigit():
                    found.append(f"{name}: cell {ref} is a shared string without an index")
                elif int(value.text or "0") >= len(shared):
                    found.append(f"{name}: cell {ref} points past the shared strings")
            if kind == "inlineStr" and cell.find(_q("is")) is None and value is not None:
                found.append(f"{name}: inline string cell {ref} holds a <v>")
            text = "".join(t.text or "" for t in cell.iter(_q("t")))
            if value is not None and kind in ("str", "inlineStr"):
                text += value.text or ""
            found += _text_problems(f"{name} {ref}", text)
    dimension = root.find(_q("dimension"))
    if dimension is not None and cells:
        try:
            r1, c1, r2, c2 = _range(dimension.get("ref", ""))
        except ValueError:
            found.append(f"{name}: bad dimension {dimension.get('ref')!r}")
        else:
            outside = [(r, c) for r, c in cells if not (r1 <= r <= r2 and c1 <= c <= c2)]
            if outside:
                found.append(f"{name}: dimension {dimension.get('ref')} misses {outside[:3]}")
    merges = root.find(_q("mergeCells"))
    if merges is not None:
        ranges: list[tuple[str, tuple[int, int, int, int]]] = []
        children = merges.findall(_q("mergeCell"))
        if merges.get("count") is not None and int(merges.get("count", "0")) != len(children):
            found.append(f"{name}: mergeCells count {merges.get('count')} for {len(children)}")
        for merge in children:
            ref = merge.get("ref", "")
            try:
                area = _range(ref)
            except ValueError:
                found.append(f"{name}: bad merged range {ref!r}")
                continue
            if ":" not in ref or area[0] > area[2] or area[1] > area[3] or area[:2] == area[2:]:
                found.append(f"{name}: merged range {ref} is not a range of several cells")
            for other_ref, other in ranges:
                if not (
                    area[2] < other[0] or other[2] < area[0] or area[3] < other[1]
                    or other[3] < area[1]
                ):  # fmt: skip
                    found.append(f"{name}: merged ranges {other_ref} and {ref} overlap")
            ranges.append((ref, area))
    cols = root.find(_q("cols"))
    if cols is not None:
        last = 0
        for col in cols.findall(_q("col")):
            low, high = int(col.get("min", "0")), int(col.get("max", "0"))
            if low < 1 or high < low or low <= last:
                found.append(f"{name}: <col min={low} max={high}> out of order or overlapping")
            last = high
    for pane in root.iter(_q("pane")):
        if pane.get("state") in ("frozen", "frozenSplit"):
            x, y = int(float(pane.get("xSplit", "0"))), int(float(pane.get("ySplit", "0")))
            expected = (y + 1, x + 1)
            top_left = pane.get("topLeftCell")
            if top_left is None or cell_position(top_left) != expected:
                found.append(f"{name}: frozen pane {x}x{y} with top-left cell {top_left}")
    return found


def package_problems(path: Path) -> list[str]:
    """Every problem found in the .xlsx ``path``; an empty list when none."""
    found: list[str] = []
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        if len(set(names)) != len(names):
            found.append("the zip lists a part twice")
        parts = {n: archive.read(n) for n in names if not n.endswith("/")}
    trees: dict[str, ET.Element] = {}
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")):
            try:
                trees[name] = ET.fromstring(data)
            except ET.ParseError as exc:
                found.append(f"{name}: not well-formed XML ({exc})")
    if found:
        return found

    types = trees.get("[Content_Types].xml")
    if types is None:
        return ["no [Content_Types].xml"]
    defaults = {
        (d.get("Extension") or "").lower(): d.get("ContentType")
        for d in types.findall(_q("Default", CONTENT_TYPES))
    }
    overrides = {
        o.get("PartName", ""): o.get("ContentType")
        for o in types.findall(_q("Override", CONTENT_TYPES))
    }
    for name in parts:
        extension = posixpath.basename(name).rpartition(".")[2].lower()  # ".rels" -> "rels"
        listed = "/" + name in overrides or extension in defaults
        if name != "[Content_Types].xml" and not listed:
            found.append(f"{name}: no content type")
    for part_name in overrides:
        if part_name.lstrip("/") not in parts:
            found.append(f"[Content_Types].xml names a missing part {part_name}")

    relations: dict[str, dict[str, tuple[str, str]]] = {}  # source part -> id -> (type, part)
    for name, root in trees.items():
        if not name.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(name))
        source = posixpath.join(folder, posixpath.basename(name)[: -len(".rels")])
        ids: dict[str, tuple[str, str]] = {}
        for rel in root.findall(_q("Relationship", PKG_REL)):
            rel_id, target = rel.get("Id", ""), rel.get("Target", "")
            if rel_id in ids:
                found.append(f"{name}: relationship id {rel_id} twice")
            if rel.get("TargetMode") == "External":
                continue
            resolved = _resolve(source, target)
            if resolved not in parts:
                found.append(f"{name}: relationship {rel_id} to a missing part {target}")
            ids[rel_id] = (rel.get("Type", ""), resolved)
        relations[source] = ids

    documents = [part for kind, part in relations.get("", {}).values() if kind == OFFICE_DOCUMENT]
    if len(documents) != 1 or documents[0] not in trees:
        return [*found, "no single workbook part in _rels/.rels"]
    workbook_name = documents[0]
    if overrides.get("/" + workbook_name) != WORKBOOK_CONTENT:
        found.append(f"{workbook_name}: content type is not the workbook's")
    workbook = trees[workbook_name]
    found += _order_problems(workbook_name, workbook, WORKBOOK_ORDER)
    book_rels = relations.get(workbook_name, {})

    styles_count = 1
    shared: list[str] = []
    for kind, part in book_rels.values():
        if kind.endswith("/styles") and part in trees:
            xfs = trees[part].find(_q("cellXfs"))
            styles_count = len(xfs.findall(_q("xf"))) if xfs is not None else 0
        if kind.endswith("/sharedStrings") and part in trees:
            shared = ["".join(t.text or "" for t in si.iter(_q("t"))) for si in trees[part]]
            for index, text in enumerate(shared):
                found += _text_problems(f"{part} string {index}", text)

    sheet_names: list[str] = []
    for sheet in workbook.iter(_q("sheet")):
        title = sheet.get("name", "")
        sheet_names.append(title)
        if not title or len(title) > 31 or SHEET_NAME_FORBIDDEN & set(title):
            found.append(f"sheet name {title!r} is not allowed in Excel")
        if title.startswith("'") or title.endswith("'") or title.lower() == "history":
            found.append(f"sheet name {title!r} is not allowed in Excel")
        kind, part = book_rels.get(sheet.get(_q("id", DOC_REL), ""), ("", ""))
        if kind != WORKSHEET_TYPE or part not in trees:
            found.append(f"sheet {title!r} has no worksheet part")
            continue
        if overrides.get("/" + part) != WORKSHEET_CONTENT:
            found.append(f"{part}: content type is not a worksheet's")
        found += _worksheet_problems(part, trees[part], styles_count, shared)
    if len({s.lower() for s in sheet_names}) != len(sheet_names):
        found.append(f"sheet names repeat: {sheet_names}")

    for defined in workbook.iter(_q("definedName")):
        label, text = defined.get("name", ""), (defined.text or "").strip()
        local = defined.get("localSheetId")
        if local is not None and not (local.isdigit() and int(local) < len(sheet_names)):
            found.append(f"defined name {label} for a missing sheet {local}")
            continue
        if label == "_xlnm.Print_Titles":
            match = PRINT_TITLES.match(text)
            if match is None:
                found.append(f"print titles {text!r} are not of the form 'Sheet'!$3:$3")
                continue
            titled = match.group("sheet")
            if titled.startswith("'"):
                titled = titled[1:-1].replace("''", "'")
            elif not re.match(r"^[A-Za-z_][A-Za-z0-9_.]*$", titled):
                found.append(f"print titles {text!r}: the sheet name must be quoted")
            if local is None or titled != sheet_names[int(local)]:
                found.append(f"print titles {text!r} point at another sheet than {local}")
            if not 1 <= int(match.group("first")) <= int(match.group("last")):
                found.append(f"print titles {text!r}: bad rows")
    return found
