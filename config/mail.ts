import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, transports } from '@adonisjs/mail'
import { FileTransport } from '#support/file_mail_transport'

/**
 * SMTP in production; by default every e-mail is written as a JSON file
 * under tmp/mail/ (nothing leaves the machine).
 */
const mailConfig = defineConfig({
  default: env.get('MAIL_MAILER') || 'file',

  from: { address: env.get('MAIL_FROM') || 'stageflow@localhost', name: 'Stageflow' },

  mailers: {
    file: () => new FileTransport(app.tmpPath('mail')),
    smtp: transports.smtp({
      host: env.get('SMTP_HOST') || '127.0.0.1',
      port: env.get('SMTP_PORT') || 587,
      auth: env.get('SMTP_USERNAME')
        ? { type: 'login', user: env.get('SMTP_USERNAME')!, pass: env.get('SMTP_PASSWORD') || '' }
        : undefined,
    }),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
