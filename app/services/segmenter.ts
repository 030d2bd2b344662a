import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

// Loading the dictionary takes ~0.5 s, so one instance per process, on first use.
let jieba: Jieba | null = null
const instance = () => (jieba ??= Jieba.withDict(dict))

const WORD = /[\p{L}\p{N}]/u
const HAN_RUN = /\p{Script=Han}{2,}/gu

function words(text: string, searchMode: boolean): string[] {
  const raw = searchMode ? instance().cutForSearch(text, false) : instance().cut(text, false)
  return raw.map((token) => token.trim().toLowerCase()).filter((token) => WORD.test(token))
}

/** Overlapping two-character pieces of a run of Chinese characters. */
function bigrams(run: string): string[] {
  const chars = [...run]
  return chars.slice(1).map((char, index) => chars[index] + char)
}

/**
 * Tokens stored for search and duplicate detection: jieba's search-mode words
 * plus every two-character piece of each run of Chinese characters.
 *
 * Why both: jieba alone does not always split the same phrase the same way in
 * a sentence and in a query (小区路灯不亮 comes out as 路 / 灯不亮, while the
 * query 路灯 is one word), and most Chinese words are two characters. The
 * bigrams make every two-character query findable; the words keep longer
 * queries precise.
 *
 * @example tokenize('路灯不亮') // ['路灯', '不亮', ..., '灯不']
 */
export function tokenize(text: string): string[] {
  const han = [...text.matchAll(HAN_RUN)].flatMap((match) => bigrams(match[0]))
  return [...new Set([...words(text, true), ...han])]
}

const quote = (token: string) => `'${token.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`

/**
 * A tsquery (for the 'simple' configuration) matching rows that contain the
 * query text: every two-character piece of each run of Chinese characters,
 * and every other word (digits, Latin) as jieba splits it.
 *
 * NOTE: a lone Chinese character only matches where jieba kept it as a word
 * of its own; one-character searches are rare and mostly noise anyway.
 *
 * @example searchQuery('路灯不亮') // "'路灯' & '灯不' & '不亮'"
 */
export function searchQuery(text: string): string | null {
  const han = [...text.matchAll(HAN_RUN)].flatMap((match) => bigrams(match[0]))
  const rest = words(text.replace(HAN_RUN, ' '), false)
  const terms = [...new Set([...han, ...rest])].map(quote)
  return terms.length > 0 ? terms.join(' & ') : null
}
