import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import emitter from '@adonisjs/core/services/emitter'
import mail from '@adonisjs/mail/services/main'
import { Mailer } from '@adonisjs/mail'
import { SMTPTransport } from '@adonisjs/mail/transports/smtp'

export interface ReceivedMail {
  envelope: { from: string; to: string[] }
  raw: string
}

/**
 * A real SMTP server on a free local port that keeps what it receives, and a
 * mailer speaking SMTP to it (the app's own views, `from` and globals), so a
 * test sends through the wire without touching SMTP_PORT, which the demo sink
 * or a parallel run may hold.
 */
export async function startSmtpSink() {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          },
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  const transport = new SMTPTransport({ host: '127.0.0.1', port, secure: false })
  const mailer = new Mailer('smtp-sink', transport, emitter, mail.config)
  return {
    port,
    received,
    mailer,
    async close() {
      await mailer.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** Headers (lower-cased names, folded lines joined, encoded words decoded) and the decoded HTML body. */
export function readMail(raw: string): { headers: Record<string, string>; html: string } {
  const { headers, body } = splitPart(raw)
  return { headers, html: htmlOf(headers, body) }
}

function splitPart(raw: string) {
  const split = raw.search(/\r?\n\r?\n/)
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ')
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '')
  const headers: Record<string, string> = {}
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim())
  }
  return { headers, body }
}

function htmlOf(headers: Record<string, string>, body: string): string {
  const type = headers['content-type'] ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (type.startsWith('multipart/') && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      const inner = splitPart(part.replace(/^\r?\n/, ''))
      const html = htmlOf(inner.headers, inner.body)
      if (html) return html
    }
    return ''
  }
  if (!type.startsWith('text/html')) return ''
  return decodeBody(body, headers['content-transfer-encoding'] ?? '7bit')
}

function decodeBody(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString()
  if (/quoted-printable/i.test(encoding)) return quotedPrintable(body)
  return body
}

function quotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .split(/(=[0-9A-F]{2})/i)
    .flatMap((piece) =>
      /^=[0-9A-F]{2}$/i.test(piece)
        ? [Number.parseInt(piece.slice(1), 16)]
        : [...Buffer.from(piece)]
    )
  return Buffer.from(bytes).toString()
}

/** RFC 2047: `=?UTF-8?B?...?=` and `=?UTF-8?Q?...?=`, adjacent words joined. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_all, _charset, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString()
        : quotedPrintable(text.replaceAll('_', ' '))
    )
}
