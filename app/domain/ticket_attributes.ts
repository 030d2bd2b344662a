/**
 * Ticket attributes shared by the clock's SLA policies now and by tickets
 * (next): channel 来源渠道, kind 诉求类型, urgency 紧急程度. Labels come from
 * i18n keys `messages.channels.*`, `messages.kinds.*`, `messages.urgencies.*`.
 */
export const CHANNELS = ['hotline', 'window', 'online', 'national', 'media', 'other'] as const
export type Channel = (typeof CHANNELS)[number]

export const KINDS = [
  'consultation',
  'help',
  'complaint',
  'report',
  'suggestion',
  'praise',
] as const
export type Kind = (typeof KINDS)[number]

export const URGENCIES = ['normal', 'urgent'] as const
export type Urgency = (typeof URGENCIES)[number]
