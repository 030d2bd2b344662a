import type Ticket from '#models/ticket'
import type TicketAssignment from '#models/ticket_assignment'
import type TicketEvent from '#models/ticket_event'
import type { DeadlineNote } from '#actions/tickets/step_deadlines'
import { decryptPhone, maskPhone } from '#services/requester_phone'
import { statusGroup } from '#domain/lifecycle/index'
import { toIso as iso } from '#services/clock_service'

type Locale = 'zh-CN' | 'en'

/** The requester's number as lists and details show it: always masked. */
export function maskedPhone(ticket: Ticket): string | null {
  if (!ticket.requesterPhoneEncrypted) return null
  const phone = decryptPhone(ticket.requesterPhoneEncrypted)
  return phone ? maskPhone(phone) : null
}

function note(notes: Record<string, DeadlineNote>, step: string, locale: Locale) {
  const entry = notes[step]
  return entry
    ? {
        dueAt: entry.dueAt,
        warnAt: entry.warnAt,
        limit: entry.limit,
        explanation: entry.text[locale],
      }
    : null
}

/** One row of a ticket list. */
export function ticketSummary(ticket: Ticket) {
  return summary(ticket, maskedPhone(ticket))
}

/**
 * The answer to an intake: a list row, masking the number the caller sent
 * (normalised) rather than decrypting what was just encrypted.
 */
export function intakeSummary(ticket: Ticket, requesterPhone: string | null) {
  return summary(ticket, requesterPhone && maskPhone(requesterPhone))
}

function summary(ticket: Ticket, requesterPhone: string | null) {
  return {
    id: ticket.id,
    code: ticket.code,
    channel: ticket.channel,
    kind: ticket.kind,
    urgency: ticket.urgency,
    categoryId: ticket.categoryId,
    title: ticket.title,
    status: ticket.status,
    statusGroup: statusGroup(ticket.status),
    round: ticket.round,
    nextDueAt: iso(ticket.nextDueAt),
    requesterName: ticket.requesterConfidential ? null : ticket.requesterName,
    requesterPhone,
    createdAt: iso(ticket.createdAt),
  }
}

function assignmentJson(assignment: TicketAssignment, locale: Locale) {
  return {
    id: assignment.id,
    round: assignment.round,
    departmentId: assignment.departmentId,
    departmentName: assignment.department?.name ?? null,
    role: assignment.role,
    active: assignment.active,
    dispatchedAt: iso(assignment.dispatchedAt),
    signedAt: iso(assignment.signedAt),
    returnedAt: iso(assignment.returnedAt),
    returnReason: assignment.returnReason,
    repliedAt: iso(assignment.repliedAt),
    replyOutcome: assignment.replyOutcome,
    replyContent: assignment.replyContent,
    deadlines: {
      sign: assignment.signDueAt
        ? { ...note(assignment.deadlineNotes, 'sign', locale), dueAt: iso(assignment.signDueAt) }
        : null,
      return: note(assignment.deadlineNotes, 'return_window', locale),
      handle: assignment.handleDueAt
        ? {
            ...note(assignment.deadlineNotes, 'handle', locale),
            dueAt: iso(assignment.handleDueAt),
          }
        : null,
    },
  }
}

/** The full ticket: assignments with their deadlines explained, and the timeline. */
export function ticketDetail(
  ticket: Ticket,
  assignments: TicketAssignment[],
  events: TicketEvent[],
  allowedActions: string[],
  locale: Locale
) {
  return {
    ...ticketSummary(ticket),
    content: ticket.content,
    address: ticket.address,
    areaDepartmentId: ticket.areaDepartmentId,
    requesterConfidential: ticket.requesterConfidential,
    contactPreference: ticket.contactPreference,
    channelData: ticket.channelData,
    version: ticket.version,
    mergedIntoId: ticket.mergedIntoId,
    slaPolicyId: ticket.slaPolicyId,
    escalatedAt: iso(ticket.escalatedAt),
    closeReason: ticket.closeReason,
    closedAt: iso(ticket.closedAt),
    calendarIncomplete: ticket.calendarIncomplete,
    deadlines: {
      redispatch: ticket.redispatchDueAt ? note(ticket.deadlineNotes, 'redispatch', locale) : null,
      review: ticket.reviewDueAt ? note(ticket.deadlineNotes, 'review', locale) : null,
      callback: ticket.callbackDueAt
        ? { ...note(ticket.deadlineNotes, 'callback', locale), dueAt: iso(ticket.callbackDueAt) }
        : null,
    },
    assignments: assignments.map((a) => assignmentJson(a, locale)),
    events: events.map((event) => ({
      id: event.id,
      action: event.action,
      actorId: event.actorId,
      actorRole: event.actorRole,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      payload: event.payload,
      at: iso(event.createdAt),
    })),
    allowedActions,
  }
}
