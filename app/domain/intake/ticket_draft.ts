import type { Channel, Kind, Urgency } from '#domain/ticket_attributes'
import type { ChannelData, ContactPreference } from '#domain/intake/channel_data'

/** What every channel's intake turns into before it becomes a ticket. */
export interface TicketDraft {
  channel: Channel
  kind: Kind
  urgency: Urgency
  categoryId: number | null
  title: string
  content: string
  address: string | null
  areaDepartmentId: number | null
  requester: {
    name: string | null
    phone: string | null
    confidential: boolean
    contactPreference: ContactPreference
  }
  channelData: ChannelData
}

/** One adapter per channel (style.md §8): inbound payload → draft. */
export interface ChannelAdapter<Payload> {
  readonly channel: Channel
  toDraft(payload: Payload): TicketDraft
}

/** Fields every intake form shares. */
export interface CommonIntake {
  kind: Kind
  urgency?: Urgency
  categoryId?: number | null
  title?: string | null
  content: string
  address?: string | null
  areaDepartmentId?: number | null
  requesterName?: string | null
  requesterPhone?: string | null
  confidential?: boolean
  contactPreference?: ContactPreference
}

const TITLE_LENGTH = 40

/**
 * The common part of a draft. Operators often skip the title while the caller
 * talks; the first sentence of the content stands in for it.
 */
export function commonDraft(input: CommonIntake): Omit<TicketDraft, 'channel' | 'channelData'> {
  const firstSentence = input.content.split(/[。！？!?\n]/)[0].trim()
  const title = input.title?.trim() || [...firstSentence].slice(0, TITLE_LENGTH).join('')
  return {
    kind: input.kind,
    urgency: input.urgency ?? 'normal',
    categoryId: input.categoryId ?? null,
    title,
    content: input.content.trim(),
    address: input.address?.trim() || null,
    areaDepartmentId: input.areaDepartmentId ?? null,
    requester: {
      name: input.requesterName?.trim() || null,
      phone: input.requesterPhone?.trim() || null,
      confidential: input.confidential ?? false,
      contactPreference: input.contactPreference ?? (input.requesterPhone ? 'phone' : 'none'),
    },
  }
}
