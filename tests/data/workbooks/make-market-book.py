#!/usr/bin/python3
# Writes market-book.xlsx with openpyxl; LibreOffice then saves it as
# market-book.ods, the workbook the ODS tests read:
#
#   /usr/bin/python3 make-market-book.py
#   soffice --headless --convert-to ods market-book.xlsx
#
# Its sheets hold what workbooks hold: a title row merged over the table,
# a merged header cell, amounts in dollars and euros, percentages, a
# formula with its cached result and one with an error, dates shown as
# days and as months, a comment, a cell of two lines, equal cells and
# rows that LibreOffice writes once with a count, and a formatted cell
# far below and to the right of the table.
import datetime

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Font

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Revenue"
ws["A1"] = "Alibaba Cloud revenue"
ws.merge_cells("A1:E1")
for col, name in zip("ABCD", ["Year", "Revenue", "Share", "Region"]):
    ws[col + "3"] = name
ws.merge_cells("D3:E3")
for i, (year, revenue, share) in enumerate([(2021, 9.2, 0.19), (2022, 11.8, 0.17),
                                            (2023, 13.3, 0.17), (2024, "=ROUND(B6*1.16,1)", 0.17)]):
    row = 4 + i
    ws[f"A{row}"] = year
    ws[f"B{row}"] = revenue
    ws[f"C{row}"] = share
    ws[f"D{row}"] = "China"
    ws[f"E{row}"] = "Asia  Pacific"
    ws[f"B{row}"].number_format = '"$"#,##0.0'
    ws[f"C{row}"].number_format = "0%"
ws["K40"].font = Font(bold=True)

prices = wb.create_sheet("Prices")
prices.append(["Date", "Open", "Close"])
for day, open_, close in [(2, 72.1, 72.5), (3, 71.5, 71.5), (4, 70.2, 70.9), (5, 70.9, 70.9)]:
    prices.append([datetime.datetime(2024, 1, day), open_, close])
    prices[f"A{prices.max_row}"].number_format = "yyyy-mm-dd"

targets = wb.create_sheet("Targets")
targets.append(["Target", "Low", "High"])
for _ in range(3):
    targets.append(["flat", 5, 5])
targets.append(["rising", 5, 7])

months = wb.create_sheet("Months")
months.append(["Month", "Sales", "Ratio", "Label"])
for i, (sales, ratio) in enumerate([(1200.5, "=B2/1000"), (1300.25, "=1/0"), (1250, "=B4/1000")]):
    months.append([datetime.datetime(2024, i + 1, 1), sales, ratio,
                   "line one\nline two" if i == 0 else "plain"])
    months[f"A{i + 2}"].number_format = "mmm yyyy"
    months[f"B{i + 2}"].number_format = "#,##0.00 [$€-407]"
months["B2"].comment = Comment("checked against the report", "editor")

wb.save("market-book.xlsx")
