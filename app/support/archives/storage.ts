import drive from '@adonisjs/drive/services/main'
import { packBundle, sha256, unpackBundle } from '#support/archives/bundle'

/**
 * Archive bundles on the drive disk (config/drive.ts: local or S3), under
 * `archives/<workflow key>/<YYYY-MM>.jsonl.gz`; a later run for the same
 * workflow and month writes `<YYYY-MM>.<n>.jsonl.gz`.
 */
export const ARCHIVE_PREFIX = 'archives'

export async function freeBundleName(workflowKey: string, month: string, taken: Set<string>) {
  for (let part = 1; ; part++) {
    const name = `${ARCHIVE_PREFIX}/${workflowKey}/${month}${part > 1 ? `.${part}` : ''}.jsonl.gz`
    if (!taken.has(name) && !(await drive.use().exists(name))) return name
  }
}

export async function writeBundle(name: string, lines: string[]) {
  const bytes = packBundle(lines)
  await drive.use().put(name, bytes, { contentType: 'application/gzip' })
  return { bytes: bytes.length, sha256: sha256(bytes) }
}

export async function readBundle(name: string): Promise<string[]> {
  return unpackBundle(await drive.use().getBytes(name))
}

export async function removeBundle(name: string) {
  await drive.use().delete(name)
}

/**
 * A row as the bundle keeps it: timestamps as UTC `YYYY-MM-DD HH:mm:ss.SSS`
 * (MySQL hands back Dates, SQLite the stored text), everything else as read.
 */
export function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    out[key] =
      value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : value
  }
  return out
}
