import { open } from 'node:fs/promises'
import { extname } from 'node:path'
import { attachmentRules, type AttachmentExtension } from '#config/drive'

/** How many leading bytes are read to judge a file. */
const SAMPLE_BYTES = 64 * 1024

const ascii = (text: string) => Buffer.from(text, 'latin1')
const startsWith = (head: Buffer, bytes: Buffer, at = 0) =>
  head.length >= at + bytes.length && head.subarray(at, at + bytes.length).equals(bytes)

const ZIP = ascii('PK\x03\x04')
const EMPTY_ZIP = ascii('PK\x05\x06')

/** Leading bytes ("magic numbers") of each binary type on the allowlist. */
const signatures: Record<Exclude<AttachmentExtension, 'txt' | 'csv'>, (head: Buffer) => boolean> = {
  // A PDF may have a little junk before its header; readers look in the first kilobyte.
  pdf: (head) => head.subarray(0, 1024).includes(ascii('%PDF-')),
  png: (head) => startsWith(head, Buffer.from('89504e470d0a1a0a', 'hex')),
  jpg: (head) => startsWith(head, Buffer.from('ffd8ff', 'hex')),
  jpeg: (head) => startsWith(head, Buffer.from('ffd8ff', 'hex')),
  gif: (head) => startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a')),
  webp: (head) => startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8),
  xlsx: (head) => startsWith(head, ZIP),
  docx: (head) => startsWith(head, ZIP),
  zip: (head) => startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP),
}

/**
 * Text is text: no NUL or other control characters than tab, line feed,
 * form feed and carriage return. (Every binary signature above holds such
 * a byte early on, except a PDF header, refused by name: a PDF renamed
 * .csv is still a PDF.)
 */
function isText(head: Buffer) {
  if (startsWith(head, ascii('%PDF-'))) return false
  return !head.some(
    (byte) => (byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(byte)) || byte === 0x7f
  )
}

/** The lower-case extension of a client's file name, if it is on the allowlist. */
export function allowedExtension(fileName: string): AttachmentExtension | null {
  const extension = extname(fileName).slice(1).toLowerCase()
  return Object.hasOwn(attachmentRules.types, extension) ? (extension as AttachmentExtension) : null
}

/** Whether `head` (a file's first bytes) is what its extension says. */
export function contentMatches(extension: AttachmentExtension, head: Buffer) {
  if (extension === 'txt' || extension === 'csv') return isText(head)
  return signatures[extension](head)
}

/**
 * The content type a file is stored and served with, judged from its
 * client name's extension and its first bytes; null when the extension is
 * not allowed or the bytes contradict it.
 */
export async function contentTypeOf(fileName: string, path: string) {
  const extension = allowedExtension(fileName)
  if (!extension) return null
  const handle = await open(path, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SAMPLE_BYTES), 0, SAMPLE_BYTES, 0)
    return contentMatches(extension, buffer.subarray(0, bytesRead))
      ? attachmentRules.types[extension]
      : null
  } finally {
    await handle.close()
  }
}
