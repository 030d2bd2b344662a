import { mkdir, writeFile } from 'node:fs/promises'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

/**
 * A local SMTP server for the demo: accepts every mail on SMTP_HOST:SMTP_PORT
 * and stores it as an .eml file in storage/mail/, so a new user can read what
 * Jiesu sends. Not for production.
 */
export default class MailSink extends BaseCommand {
  static commandName = 'mail:sink'
  static description = 'Run a local SMTP sink that stores received mail in storage/mail/'
  static options: CommandOptions = { startApp: false, staysAlive: true }

  @flags.string({ description: 'Folder for received mail', default: 'storage/mail' })
  declare dir: string

  async run() {
    const { SMTPServer } = await import('smtp-server')
    const dir = app.makePath(this.dir)
    await mkdir(dir, { recursive: true })
    let count = 0
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', async () => {
          count++
          const name = `${new Date().toISOString().replaceAll(':', '-')}-${session.id}-${count}.eml`
          await writeFile(`${dir}/${name}`, Buffer.concat(chunks))
          callback()
        })
      },
    })
    const host = env.get('SMTP_HOST')
    const port = env.get('SMTP_PORT')
    await new Promise<void>((resolve) => server.listen(port, host, resolve))
    this.logger.info(`mail sink on ${host}:${port}, storing mail in ${dir}`)
    await new Promise<void>((resolve) => {
      const stop = () => server.close(() => resolve())
      process.once('SIGTERM', stop)
      process.once('SIGINT', stop)
    })
  }
}
