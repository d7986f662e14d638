"""PDF reports (ReportLab platypus), built headless from the plain data of services.report_data.

- ``render``: ``render_visit`` / ``render_enterprise`` / ``render_summary`` (database in,
  PDF bytes out) — what the command line, the window and the sample script call.
- ``base.PdfReport`` and its subclasses ``visit_report.VisitReport``,
  ``enterprise_history_report.EnterpriseHistoryReport`` and
  ``monthly_summary_report.MonthlySummaryReport``: small overridable steps, ``render()``
  returns bytes.
- ``markup.para``: the only way user text becomes a Paragraph; it escapes and font-checks.
- ``fonts``: the bundled DejaVu Sans family; ``catalogue``: the report strings (id/en).
- ``pdf_file.write_pdf``: atomic write (temp file, fsync, rename).

Nothing here imports Qt.
"""
