import { tokenize } from '#services/segmenter'
import { ASKS, PLACES, TOPICS } from './chinese_text.js'

export interface TicketTemplate {
  title: string
  content: string
  /** what IntakeTicket feeds to to_tsvector('simple', …): tokenize(title + ' ' + content) */
  tokens: string
  categoryCode: string
  kind: string
  place: string
  district: string
}

/**
 * ~200 distinct tickets, each topic contributing `weight` of them (so a
 * topic's share of tickets is weight / total), in different places and
 * wordings. Each is segmented once with the app's tokenize().
 */
export function ticketTemplates(): TicketTemplate[] {
  return TOPICS.flatMap((topic, t) =>
    Array.from({ length: topic.weight }, (_, j) => {
      const where = PLACES[(t * 5 + j * 3) % PLACES.length]
      const title = topic.titles[j % topic.titles.length]
      const content = `${where.place}${topic.bodies[j % topic.bodies.length]}。${ASKS[(t + j) % ASKS.length]}`
      return {
        title,
        content,
        tokens: tokenize(`${title} ${content}`).join(' '),
        categoryCode: topic.category,
        kind: topic.kind,
        place: where.place,
        district: where.district,
      }
    })
  )
}
