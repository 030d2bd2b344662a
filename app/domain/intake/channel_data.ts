/**
 * Channel-specific fields, stored as typed jsonb on the ticket.
 * hotline: the call; window: the 办不成事 report; online: the message source.
 */
export interface HotlineData {
  channel: 'hotline'
  callId?: string
  recordingRef?: string
  /** the number the telephony system saw, which may differ from the contact number */
  callerNumber?: string
}

export interface WindowData {
  channel: 'window'
  /** 事项: the service that could not be done */
  serviceName: string
  hall: string
  window?: string
  /** what was missing or went wrong */
  missing: string
}

export interface OnlineData {
  channel: 'online'
  /** web, wechat, app, mayor_mailbox (领导信箱), ... */
  source: string
  messageId?: string
  attachments?: string[]
}

export type ChannelData =
  HotlineData | WindowData | OnlineData | { channel: 'national' | 'media' | 'other' }

export const CONTACT_PREFERENCES = ['phone', 'sms', 'email', 'none'] as const
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number]
