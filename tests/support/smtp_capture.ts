import { SMTPServer } from 'smtp-server'

/** One mail as the SMTP server received it, with what the tests read from it. */
export interface CapturedMail {
  /** envelope recipients (RCPT TO) */
  to: string[]
  raw: string
  subject: string
  /** the decoded HTML body */
  html: string
  messageId: string
}

export interface SmtpCapture {
  port: number
  mails: CapturedMail[]
  close(): Promise<void>
}

/** Headers of a MIME entity, unfolded, names lower-cased. */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of block.replaceAll(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return headers
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const match = /\r?\n\r?\n/.exec(raw)
  if (!match) return { headers: parseHeaders(raw), body: '' }
  return {
    headers: parseHeaders(raw.slice(0, match.index)),
    body: raw.slice(match.index + match[0].length),
  }
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = []
  const soft = text.replaceAll(/=\r?\n/g, '')
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replaceAll(/\s+/g, ''), 'base64').toString('utf8')
    case 'quoted-printable':
      return decodeQuotedPrintable(body)
    default:
      return body
  }
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) in a header. */
function decodeWords(value: string): string {
  return value
    .replaceAll(/\?=\s+=\?/g, '?==?')
    .replaceAll(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replaceAll('_', ' '))
    )
}

/** The first text/html part of a (possibly multipart) message, decoded. */
function htmlOf(raw: string): string {
  const { headers, body } = splitEntity(raw)
  const type = headers.get('content-type') ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break
      const html = htmlOf(part.replace(/^\r?\n/, ''))
      if (html) return html
    }
    return ''
  }
  return type.toLowerCase().startsWith('text/html')
    ? decodeBody(body, headers.get('content-transfer-encoding'))
    : ''
}

export function parseMail(raw: string, to: string[]): CapturedMail {
  const { headers } = splitEntity(raw)
  return {
    to,
    raw,
    subject: decodeWords(headers.get('subject') ?? ''),
    html: htmlOf(raw),
    messageId: headers.get('message-id') ?? '',
  }
}

/**
 * A real SMTP server (npm `smtp-server`) on a free local port that keeps
 * every mail it receives in memory, for a worker to send to (SMTP_PORT).
 */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const mails: CapturedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((address) => address.address)
        mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), to))
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  if (!address || typeof address === 'string') throw new Error('the SMTP capture has no port')
  return {
    port: address.port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
