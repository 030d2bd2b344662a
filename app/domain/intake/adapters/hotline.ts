import type { ChannelAdapter, CommonIntake } from '#domain/intake/ticket_draft'
import { commonDraft } from '#domain/intake/ticket_draft'
import { maskPhone, normalizePhone } from '#domain/intake/phone_format'

export interface HotlineIntake extends CommonIntake {
  callId?: string | null
  recordingRef?: string | null
  /** from the telephony system; becomes the contact number when none was typed */
  callerNumber?: string | null
}

/** An operator logging a call while the caller is on the line. */
export const hotlineAdapter: ChannelAdapter<HotlineIntake> = {
  channel: 'hotline',
  toDraft(payload) {
    const draft = commonDraft({
      ...payload,
      requesterPhone: payload.requesterPhone || payload.callerNumber,
    })
    return {
      ...draft,
      channel: 'hotline',
      channelData: {
        channel: 'hotline',
        callId: payload.callId ?? undefined,
        recordingRef: payload.recordingRef ?? undefined,
        // The number itself is stored encrypted as the contact number when none
        // was typed; the channel data keeps only a masked copy for display.
        callerNumber: payload.callerNumber
          ? maskPhone(normalizePhone(payload.callerNumber))
          : undefined,
      },
    }
  },
}
