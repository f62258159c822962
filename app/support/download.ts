import type { HttpContext } from '@adonisjs/core/http'

/**
 * Marks the response as a file download with the given name and type.
 * (response.attachment() streams a file from disk; this is for bodies
 * built in memory.)
 */
export function asDownload(
  response: HttpContext['response'],
  filename: string,
  contentType: string
) {
  response.header('content-type', contentType)
  response.header(
    'content-disposition',
    `attachment; filename="${filename.replace(/["\\\r\n]/g, '_')}"`
  )
}
