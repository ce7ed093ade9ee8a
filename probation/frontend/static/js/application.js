// Starts GOV.UK Frontend components and the session timeout warning.
import { initAll } from '/static/govuk/govuk-frontend.min.js'
import { initOffenceSearch } from './offence-search.js'

initAll()

// GOV.UK timeout warning: the server ends a session after SESSION_COOKIE_AGE idle seconds; this
// warns SESSION_WARNING_SECONDS before, lets the user stay signed in, and signs them out at zero.
function startTimeoutWarning () {
  const body = document.body
  const timeout = parseInt(body.dataset.sessionTimeout, 10)
  const warning = parseInt(body.dataset.sessionWarning, 10)
  const dialog = document.getElementById('timeout-dialog')
  if (!timeout || !warning || !dialog || typeof dialog.showModal !== 'function') return

  const countdown = document.getElementById('timeout-countdown')
  let deadline = Date.now() + timeout * 1000
  let tick = null

  function describe (seconds) {
    if (seconds >= 60) {
      const minutes = Math.ceil(seconds / 60)
      return minutes + (minutes === 1 ? ' minute' : ' minutes')
    }
    return seconds + (seconds === 1 ? ' second' : ' seconds')
  }

  function signOut () {
    const form = dialog.querySelector('form')
    if (form) form.submit()
  }

  function update () {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000))
    if (left === 0) { signOut(); return }
    if (left <= warning) {
      if (!dialog.open) dialog.showModal()
      countdown.textContent = describe(left)
    }
  }

  document.getElementById('timeout-stay').addEventListener('click', function () {
    fetch(body.dataset.keepaliveUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) { signOut(); return }
        deadline = Date.now() + timeout * 1000
        dialog.close()
      })
  })
  dialog.addEventListener('cancel', function (event) { event.preventDefault() })
  tick = window.setInterval(update, 1000)
  return tick
}

startTimeoutWarning()

// The offence type-ahead on the conviction and offence forms.
initOffenceSearch()
