import type { ApiClient } from '@japa/api-client'
import { call } from '#tests/support/api'

/** The ticket API as a small client, so journeys read like the loop they walk. */
export function ticketApi(client: ApiClient) {
  return {
    intake(token: string, channel: 'hotline' | 'window' | 'online', body: Record<string, unknown>) {
      return call(client, 'POST', `/api/v1/tickets/${channel}`, { token, body })
    },
    act(token: string, id: number, action: string, body: Record<string, unknown> = {}) {
      return call(client, 'POST', `/api/v1/tickets/${id}/actions/${action}`, { token, body })
    },
    async detail(token: string, id: number, locale: 'zh-CN' | 'en' = 'zh-CN') {
      const response = await call(client, 'GET', `/api/v1/tickets/${id}`, { token, locale })
      response.assertStatus(200)
      return response.body().data
    },
  }
}

/** The actions in a ticket's event log, in order. */
export function eventActions(detail: { events: { action: string }[] }): string[] {
  return detail.events.map((event) => event.action)
}
