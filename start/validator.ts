import vine, { SimpleMessagesProvider } from '@vinejs/vine'

// Field messages come from resources/lang via the i18n middleware; this is
// only the fallback for validators run outside an HTTP request.
vine.messagesProvider = new SimpleMessagesProvider({})
