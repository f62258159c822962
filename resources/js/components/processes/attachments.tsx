import { useEffect, useId, useRef, useState } from 'react'
import { useForm } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'

type AttachmentRow = {
  id: number
  processId: number
  fileName: string
  mimeType: string
  size: number
  uploadedBy: string | null
  createdAt: string
}

/** Shown in the hint; the server checks the same limits (config/drive.ts). */
const MAX_MB = 10
const TYPES = 'PDF, PNG, JPG, GIF, WEBP, TXT, CSV, XLSX, DOCX, ZIP'

function formatSize(bytes: number, locale: string) {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`
}

/**
 * Files attached to a process: the list (loaded as JSON, again after each
 * change of the process) with download links, and an upload form. Size
 * and type errors come back from the server under the field.
 */
export function Attachments(props: {
  process: { id: number; version: number }
  canUpload: boolean
}) {
  const { t, locale, formatDateTime } = useI18n()
  const [rows, setRows] = useState<AttachmentRow[] | null>(null)
  const [failed, setFailed] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()
  const form = useForm<{ file: File | null }>({ file: null })

  useEffect(() => {
    const controller = new AbortController()
    fetch(urlFor('processes.attachments.index', { id: props.process.id }), {
      headers: { accept: 'application/json' },
      signal: controller.signal,
    })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((body: { data: AttachmentRow[] }) => {
        setRows(body.data)
        setFailed(false)
      })
      .catch(() => {
        if (!controller.signal.aborted) setFailed(true)
      })
    return () => controller.abort()
  }, [props.process.id, props.process.version])

  return (
    <div className="attachments">
      {failed && <p role="alert">{t('scaleout.attachments.loadFailed')}</p>}
      {rows && rows.length === 0 && <p className="muted">{t('scaleout.attachments.empty')}</p>}
      {rows && rows.length > 0 && (
        <table className="table attachments-table">
          <thead>
            <tr>
              <th scope="col">{t('scaleout.attachments.name')}</th>
              <th scope="col">{t('scaleout.attachments.size')}</th>
              <th scope="col">{t('scaleout.attachments.added')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <a
                    href={urlFor('processes.attachments.download', {
                      id: row.processId,
                      attachmentId: row.id,
                    })}
                    aria-label={t('scaleout.attachments.download', { name: row.fileName })}
                    download
                  >
                    {row.fileName}
                  </a>
                </td>
                <td>{formatSize(row.size, locale)}</td>
                <td>
                  {formatDateTime(row.createdAt)}
                  {row.uploadedBy && (
                    <span className="muted">
                      {' '}
                      {t('scaleout.attachments.by', { name: row.uploadedBy })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {props.canUpload && (
        <form
          className="attachment-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            form.post(urlFor('processes.attachments.store', { id: props.process.id }), {
              forceFormData: true,
              preserveScroll: true,
              onSuccess: () => {
                form.reset()
                if (input.current) input.current.value = ''
              },
            })
          }}
        >
          <label htmlFor={inputId}>{t('scaleout.attachments.label')}</label>
          <input
            ref={input}
            id={inputId}
            name="file"
            type="file"
            aria-describedby={form.errors.file ? `${hintId} ${errorId}` : hintId}
            aria-invalid={form.errors.file ? true : undefined}
            onChange={(event) => form.setData('file', event.target.files?.[0] ?? null)}
          />
          <p id={hintId} className="hint">
            {t('scaleout.attachments.hint', { maxMb: MAX_MB, types: TYPES })}
          </p>
          {form.errors.file && (
            <p id={errorId} className="field-error" role="alert">
              {form.errors.file}
            </p>
          )}
          <button type="submit" className="btn" disabled={form.processing || !form.data.file}>
            {form.processing
              ? t('scaleout.attachments.uploading')
              : t('scaleout.attachments.upload')}
          </button>
        </form>
      )}
    </div>
  )
}
