import type { ChannelAdapter, CommonIntake } from '#domain/intake/ticket_draft'
import { commonDraft } from '#domain/intake/ticket_draft'

export interface WindowIntake extends Omit<CommonIntake, 'kind'> {
  kind?: CommonIntake['kind']
  serviceName: string
  hall: string
  window?: string | null
  missing: string
}

/**
 * A "can't get it done" (办不成事) report from a service hall window. These
 * are complaints about a service by default, and the title names the service.
 */
export const windowAdapter: ChannelAdapter<WindowIntake> = {
  channel: 'window',
  toDraft(payload) {
    const draft = commonDraft({
      ...payload,
      kind: payload.kind ?? 'complaint',
      title: payload.title || `办不成事：${payload.serviceName}`,
    })
    return {
      ...draft,
      channel: 'window',
      channelData: {
        channel: 'window',
        serviceName: payload.serviceName,
        hall: payload.hall,
        window: payload.window ?? undefined,
        missing: payload.missing,
      },
    }
  },
}
