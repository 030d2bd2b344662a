import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import { ZONE } from '#services/clock_service'
import mailConfig from '#config/mail_batching'

/** A queued mail row as the batch reads it. */
export interface OutboxItem {
  id: number
  payload: Record<string, any>
}

/** One mail to write: the rows it carries, and what to render. */
export interface Letter {
  ids: number[]
  subject: string
  view: string
  data: Record<string, unknown>
  /** the same rows always give the same Message-ID, so a resend after a crash is recognisable */
  messageId: string
}

const KINDS: Record<string, string> = {
  dispatch: '新派工单',
  urge: '催办',
  supervise: '督办',
  escalate: '工单升级',
  deadline_warned: '时限预警',
  deadline_breached: '已超期',
  deadline_escalated: '超期升级',
}

const STEPS: Record<string, string> = { sign: '签收', handle: '办理' }

/** 2026-11-23T12:00:00+08:00 → '2026年11月23日 12:00' (always Shanghai time). */
export function chineseDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  return DateTime.fromISO(iso).setZone(ZONE).toFormat("yyyy'年'M'月'd'日' HH:mm")
}

/** What an alert row shows in a mail: labels resolved, times in Chinese. */
export function alertLine(payload: Record<string, any>, appUrl: string) {
  return {
    code: payload.code ?? '',
    title: payload.title ?? '',
    link: payload.ticketId ? `${appUrl}/tickets/${payload.ticketId}` : appUrl,
    kind: KINDS[payload.kind] ?? '工单提醒',
    step: STEPS[payload.step] ?? '',
    dueAt: chineseDateTime(payload.dueAt),
    explanation: payload.explanation?.['zh-CN'] ?? '',
    content: payload.content ?? '',
  }
}

/** '2026-11-24' → '11月24日（星期二）' */
export function chineseDate(isoDate: string): string {
  const day = DateTime.fromISO(isoDate, { zone: ZONE })
  return `${day.month}月${day.day}日（星期${'一二三四五六日'[day.weekday - 1]}）`
}

interface DigestList {
  total: number
  items: { ticketId: number; code: string; title: string; step: string; dueAt: string }[]
}

/** A digest row's payload as the daily_digest template shows it. */
export function digestView(payload: Record<string, any>, appUrl: string) {
  const section = (title: string, entry: DigestList, empty: string) => ({
    title,
    empty,
    total: entry.total,
    more: entry.total - entry.items.length,
    items: entry.items.map((item) => ({
      code: item.code,
      title: item.title,
      link: `${appUrl}/tickets/${item.ticketId}`,
      step: STEPS[item.step] ?? '',
      dueAt: chineseDateTime(item.dueAt),
    })),
  })
  const next = chineseDate(payload.nextWorkingDay)
  return {
    departmentName: payload.departmentName,
    date: chineseDate(payload.date),
    nextWorkingDay: next,
    sections: [
      section('已超期', payload.overdue, '无超期工单。'),
      section('今日到期', payload.dueToday, '今日无到期工单。'),
      section(`下一工作日 ${next} 结束前到期`, payload.dueNext, '无。'),
    ],
    appUrl,
  }
}

function messageId(ids: number[], host: string): string {
  const digest = createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 32)
  return `<${digest}@${host}>`
}

/**
 * The mails for one recipient's batch: every alert together in one mail (the
 * point of batching), and each daily digest in its own, since a digest is a
 * report to keep rather than an alert to act on.
 */
export function composeLetters(items: OutboxItem[], appUrl: string): Letter[] {
  const host = new URL(appUrl).hostname
  const digests = items.filter((item) => item.payload.kind === 'daily_digest')
  const alerts = items.filter((item) => item.payload.kind !== 'daily_digest')
  const letters: Letter[] = digests.map((item) => ({
    ids: [item.id],
    subject: `【12345】每日时限提醒 ${item.payload.departmentName} ${chineseDate(item.payload.date)}`,
    view: 'emails/daily_digest',
    data: digestView(item.payload, appUrl),
    messageId: messageId([item.id], host),
  }))
  if (alerts.length > 0) {
    const first = alerts[0].payload
    const ids = alerts.map((item) => item.id)
    letters.unshift({
      ids,
      subject:
        alerts.length === 1
          ? `【12345】${KINDS[first.kind] ?? '工单提醒'} ${first.code ?? ''}`.trim()
          : `【12345】${alerts.length} 条工单提醒`,
      view: 'emails/ticket_alerts',
      // An alert storm (hundreds of deadlines at once) stays a readable mail:
      // the first lines, and how many more wait in the app.
      data: {
        items: alerts
          .slice(0, mailConfig.maxAlertsPerMail)
          .map((item) => alertLine(item.payload, appUrl)),
        more: Math.max(0, alerts.length - mailConfig.maxAlertsPerMail),
        appUrl,
      },
      messageId: messageId(ids, host),
    })
  }
  return letters
}
