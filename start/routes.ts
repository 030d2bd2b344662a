/*
 * Routes are split by area under start/routes/. Every route is named; tests
 * and views build URLs from the names.
 */
import '#start/routes/web'
import '#start/routes/api'
import '#start/routes/calendars'
