import ExcelJS from 'exceljs'
import i18nManager from '@adonisjs/i18n/services/main'
import { toCsv } from '#support/csv'
import type { ReportResult, ReportTable } from '#actions/reports/types'

/**
 * A report result as CSV (its tables one after another, each under its
 * title) or XLSX (one sheet per table), with headers in the reader's language.
 */
export default class ExportReport {
  csv(result: ReportResult, locale = 'en'): string {
    const label = labeller(locale)
    const tables = result.tables.map((table) =>
      toCsv(
        table.columns.map((c) => label.column(c.key)),
        table.rows.map((row) => table.columns.map((c) => row[c.key] ?? ''))
      ).replace(/^/, `${csvTitle(label.table(table.key))}\r\n`)
    )
    // Notes (approximate figures) come last, one quoted line each.
    const notes = (result.notes ?? []).map((note) => csvTitle(label.note(note)) + '\r\n')
    return [...tables, ...notes].join('\r\n')
  }

  async xlsx(result: ReportResult, locale = 'en'): Promise<Buffer> {
    const label = labeller(locale)
    const book = new ExcelJS.Workbook()
    book.created = new Date(result.asOf)
    const used = new Set<string>()
    for (const table of result.tables) {
      const sheet = book.addWorksheet(sheetName(label.table(table.key), used))
      sheet.columns = table.columns.map((c) => ({
        header: label.column(c.key),
        key: c.key,
        width: c.type === 'text' ? 28 : 14,
      }))
      sheet.getRow(1).font = { bold: true }
      for (const row of table.rows) sheet.addRow(cells(table, row))
    }
    if (result.notes?.length) {
      const sheet = book.addWorksheet(sheetName(label.table('notes'), used))
      for (const note of result.notes) sheet.addRow([label.note(note)])
    }
    return Buffer.from(await book.xlsx.writeBuffer())
  }
}

function cells(table: ReportTable, row: ReportTable['rows'][number]) {
  return Object.fromEntries(table.columns.map((c) => [c.key, row[c.key] ?? null]))
}

function labeller(locale: string) {
  const i18n = i18nManager.locale(locale)
  const pick = (id: string, fallback: string) =>
    i18n.hasMessage(id) || i18n.hasFallbackMessage(id) ? i18n.t(id) : fallback
  return {
    column: (key: string) => pick(`reports.columns.${key}`, key),
    table: (key: string) => pick(`reports.tables.${key}`, key),
    note: (key: string) => pick(`reports.notes.${key}`, key),
  }
}

function csvTitle(title: string) {
  return /[",\n\r]/.test(title) ? `"${title.replace(/"/g, '""')}"` : title
}

/** Excel sheet names: at most 31 characters, unique, no []:*?/\ */
function sheetName(title: string, used: Set<string>) {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28)
  let name = base
  for (let i = 2; used.has(name); i++) name = `${base} ${i}`
  used.add(name)
  return name
}
