// Starts GOV.UK Frontend components and the session timeout warning.
import { initAll } from '/static/govuk/govuk-frontend.min.js'
import { initOffenceSearch } from './offence-search.js'
import { initReportAutosave } from './report-autosave.js'

initAll()

// Radios that reveal the questions of the option chosen: GOV.UK's conditional reveal markup, without
// the aria-expanded GOV.UK Frontend puts on each radio (axe reports it, ADR 0008). Without JavaScript
// every question shows and the server ignores those of options not chosen.
function revealRadios (group) {
  const radios = group.querySelectorAll('input[type="radio"]')
  function sync () {
    radios.forEach(function (radio) {
      const target = document.getElementById(radio.getAttribute('aria-controls') || '')
      if (target) target.classList.toggle('govuk-radios__conditional--hidden', !radio.checked)
    })
  }
  group.addEventListener('change', sync)
  window.addEventListener('pageshow', sync)
  sync()
}

document.querySelectorAll('[data-module="app-reveal-radios"]').forEach(revealRadios)

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
      if (!dialog.open) {
        dialog.showModal()
        document.dispatchEvent(new CustomEvent('app:session-warning')) // save what is unsaved
      }
      countdown.textContent = describe(left)
    } else if (dialog.open) {
      dialog.close() // the session was renewed meanwhile (a report autosave)
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
  // A request that renewed the session (the report autosave) says how long it has left.
  document.addEventListener('app:session-renewed', function (event) {
    deadline = Date.now() + event.detail.secondsLeft * 1000
  })
  dialog.addEventListener('cancel', function (event) { event.preventDefault() })
  tick = window.setInterval(update, 1000)
  return tick
}

startTimeoutWarning()

// The offence type-ahead on the conviction and offence forms.
initOffenceSearch()

// The pre-sentence report's autosave.
initReportAutosave()
