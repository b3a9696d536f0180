#!/usr/bin/python3
# Writes the bad workbooks of this folder with Python's zipfile module
# (another program than ours): each is listed in expected.txt.
#
#   cd tests/data/bad && /usr/bin/python3 make-bad-workbooks.py
import zipfile

SHEET_START = ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns='
               '"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
SHEET_END = '</sheetData></worksheet>'
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns='
            '"http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r='
            '"http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns='
        '"http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
HEADER = ('<row r="1"><c r="A1" t="inlineStr"><is><t>year</t></is></c>'
          '<c r="B1" t="inlineStr"><is><t>revenue</t></is></c></row>')
DATA = '<row r="2"><c r="A2"><v>2024</v></c><c r="B2"><v>13.3</v></c></row>'

ODS_START = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office='
             '"urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table='
             '"urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text='
             '"urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
             '<table:table table:name="Data">\n')
ODS_END = '</table:table></office:spreadsheet></office:body></office:document-content>'
ODS_HEADER = ('<table:table-row><table:table-cell office:value-type="string"><text:p>year</text:p>'
              '</table:table-cell><table:table-cell office:value-type="string"><text:p>revenue'
              '</text:p></table:table-cell></table:table-row>\n')


def xlsx(name, entries):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        for path, data in entries:
            z.writestr(path, data)


def book(name, sheet, workbook=WORKBOOK):
    xlsx(name, [('xl/workbook.xml', workbook), ('xl/_rels/workbook.xml.rels', RELS),
                ('xl/worksheets/sheet1.xml', sheet)])


def ods(name, content):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.spreadsheet')
        if content is not None:
            z.writestr('content.xml', content)


book('xlsx-doctype.xlsx', SHEET_START + HEADER + DATA + SHEET_END,
     '<?xml version="1.0"?>\n<!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
     + WORKBOOK.split('\n', 1)[1])
book('xlsx-malformed.xlsx', SHEET_START + HEADER + '\n<row r="2"><c r="A2"><v>2024</c></v></row>'
     + SHEET_END)
book('xlsx-empty-sheet.xlsx', SHEET_START + SHEET_END)
book('xlsx-header-only.xlsx', SHEET_START + HEADER + SHEET_END)
book('xlsx-too-wide.xlsx', SHEET_START + HEADER.replace('B1', 'XFD1') + DATA + SHEET_END)
book('xlsx-bad-shared-text.xlsx', SHEET_START + HEADER + DATA.replace('<c r="B2">', '<c r="B2" t="s">')
     + SHEET_END)
book('xlsx-bad-number.xlsx', SHEET_START + HEADER + DATA.replace('13.3', '13,3') + SHEET_END)
xlsx('xlsx-missing-sheet.xlsx', [('xl/workbook.xml', WORKBOOK),
                                 ('xl/_rels/workbook.xml.rels', RELS)])
xlsx('xlsx-escaping.xlsx', [('xl/workbook.xml', WORKBOOK), ('xl/_rels/workbook.xml.rels', RELS),
                            ('xl/worksheets/sheet1.xml', SHEET_START + HEADER + SHEET_END),
                            ('../../evil.sh', 'echo owned\n')])

# A sheet that says it inflates to 2 GiB, in a file of a few hundred bytes
book('xlsx-bomb.xlsx', SHEET_START + HEADER + DATA + SHEET_END)
data = bytearray(open('xlsx-bomb.xlsx', 'rb').read())
path = b'xl/worksheets/sheet1.xml'
for signature, name_at, size_at in ((b'PK\x03\x04', 30, 22), (b'PK\x01\x02', 46, 24)):
    at = data.find(signature + b'')
    while at >= 0:
        if data[at + name_at:at + name_at + len(path)] == path:
            data[at + size_at:at + size_at + 4] = (0x80000000).to_bytes(4, 'little')
        at = data.find(signature, at + 1)
open('xlsx-bomb.xlsx', 'wb').write(bytes(data))

ods('ods-repeat-bomb.ods', ODS_START + ODS_HEADER
    + '<table:table-row table:number-rows-repeated="1048576"><table:table-cell '
      'table:number-columns-repeated="16384" office:value-type="float" office:value="1"/>'
      '</table:table-row>' + ODS_END)
ods('ods-malformed.ods', ODS_START + ODS_HEADER
    + '<table:table-row><table:table-cell office:value-type="float" office:value="1">'
      '</table:table-row>' + ODS_END)
ods('ods-no-content.ods', None)
