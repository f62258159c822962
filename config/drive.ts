import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, services } from '@adonisjs/drive'

/*
|--------------------------------------------------------------------------
| File storage (process attachments)
|--------------------------------------------------------------------------
|
| "fs": storage/attachments under the app root (with several instances,
| a volume they share). "s3": any S3-compatible store; install
| @aws-sdk/client-s3 and @aws-sdk/s3-request-presigner for it. Files are
| private: they are only served through the app, after authorization.
|
*/
const disk = env.get('DRIVE_DISK') || 'fs'

const fs = {
  fs: services.fs({
    location: app.makePath('storage/attachments'),
    serveFiles: false,
    visibility: 'private',
  }),
}

// Only configured when chosen: its driver loads the AWS SDK at boot.
const s3 = () => ({
  s3: services.s3({
    credentials: {
      accessKeyId: env.get('S3_ACCESS_KEY_ID') || '',
      secretAccessKey: env.get('S3_SECRET_ACCESS_KEY') || '',
    },
    region: env.get('S3_REGION') || 'us-east-1',
    bucket: env.get('S3_BUCKET') || '',
    endpoint: env.get('S3_ENDPOINT') || undefined,
    forcePathStyle: Boolean(env.get('S3_ENDPOINT')),
    visibility: 'private',
  }),
})

const driveConfig = defineConfig({
  default: disk as 'fs',
  services: (disk === 's3' ? { ...fs, ...s3() } : fs) as typeof fs,
})

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<typeof driveConfig> {}
}

/**
 * What an attachment may be: the extension decides the content type it is
 * stored and served with (never the type the client sent), and its bytes
 * must agree with the extension (app/support/file_signature.ts).
 */
const attachmentTypes = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
} as const

export type AttachmentExtension = keyof typeof attachmentTypes

export const attachmentRules = {
  maxBytes: 10 * 1024 * 1024,
  types: attachmentTypes,
  extensions: Object.keys(attachmentTypes) as AttachmentExtension[],
}
