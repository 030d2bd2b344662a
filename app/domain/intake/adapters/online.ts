import type { ChannelAdapter, CommonIntake } from '#domain/intake/ticket_draft'
import { commonDraft } from '#domain/intake/ticket_draft'

export const ONLINE_SOURCES = ['web', 'wechat', 'app', 'mayor_mailbox', 'media_board'] as const

export interface OnlineIntake extends CommonIntake {
  source: (typeof ONLINE_SOURCES)[number]
  messageId?: string | null
  attachments?: string[]
}

/** A web form, WeChat or app message, or a 领导信箱 letter. */
export const onlineAdapter: ChannelAdapter<OnlineIntake> = {
  channel: 'online',
  toDraft(payload) {
    return {
      ...commonDraft(payload),
      channel: 'online',
      channelData: {
        channel: 'online',
        source: payload.source,
        messageId: payload.messageId ?? undefined,
        attachments: payload.attachments ?? [],
      },
    }
  },
}
