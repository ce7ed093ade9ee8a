// Report autosave (issue 11 item 4): a form marked data-module="app-report-autosave" posts itself to
// its data-autosave-url a few seconds after typing stops, and straight away when the page is hidden
// or closed (visibilitychange, pagehide: fetch with keepalive, which outlives the page like
// sendBeacon does, and still sends the CSRF header). The server saves through the same service as the
// Save draft button, with the version the page holds: a save from a stale version is refused and the
// page says so ("This report was changed in another window"), never overwriting. Without JavaScript
// the Save draft button does the same.
//
// The idle timeout: each save is a request, so the server renews the session as it would for any
// page (SessionIdleMiddleware); an author who is typing is not idle. The answer says how long the
// session has left, and the page's timeout warning (application.js) counts from that, so it neither
// signs out someone who is typing nor lets the server's session end first. When the warning opens,
// anything not yet saved is saved at once, so a timeout loses nothing typed before it.

const DELAY_MS = 2000
const KEEPALIVE_LIMIT = 60000
const RETRY_MAX_MS = 60000

function ReportAutosave (form) {
  const url = form.dataset.autosaveUrl
  const status = form.querySelector('[data-autosave-status]')
  const version = form.querySelector('input[name="version"]')
  const token = form.querySelector('input[name="csrfmiddlewaretoken"]')
  if (!url || !status || !version || !token) return

  let timer = null
  let dirty = false
  let saving = false
  let stopped = false // a conflict or a locked report: saving again would be refused
  let retryDelay = DELAY_MS // a failed save is retried, waiting twice as long each time up to a minute
  let pendingSubmit = null // the button (or true) of a submission held back until a save in flight ends

  function say (text, isError) {
    status.textContent = text
    status.classList.toggle('app-autosave-status--error', Boolean(isError))
  }

  function body () {
    return new URLSearchParams(new FormData(form))
  }

  function answered (answer) {
    if (answer.saved) {
      version.value = String(answer.version)
      const problems = (answer.errors || []).length
      say(problems
        ? 'Saved at ' + answer.saved_at + ', except what needs correcting: ' + answer.errors.join(' ')
        : 'Saved at ' + answer.saved_at, problems > 0)
      if (typeof answer.session_seconds_left === 'number') {
        document.dispatchEvent(new CustomEvent('app:session-renewed', { detail: { secondsLeft: answer.session_seconds_left } }))
      }
      return
    }
    stopped = true // another window saved first, or the report is no longer a draft
    say(answer.message || 'Not saved.', true)
  }

  function save (leaving) {
    window.clearTimeout(timer)
    if (!dirty || stopped || (saving && !leaving)) return
    dirty = false
    saving = true
    const data = body()
    fetch(url, {
      method: 'POST',
      body: data,
      credentials: 'same-origin',
      // Browsers cap a keepalive request at 64 KB; a longer report is sent as an ordinary request,
      // which a closing page may cut short (it was saved a few seconds after the last typing anyway).
      keepalive: Boolean(leaving) && data.toString().length < KEEPALIVE_LIMIT,
      redirect: 'error', // a signed-out session answers with the sign-in page: not a save
      headers: { Accept: 'application/json', 'X-CSRFToken': token.value }
    })
      .then(function (response) {
        return response.json().then(answered)
      })
      .then(function () { retryDelay = DELAY_MS })
      .catch(function () {
        dirty = true
        retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS)
        say('Not saved: check your connection, then select Save draft.', true)
      })
      .finally(function () {
        saving = false
        if (pendingSubmit) {
          // The form was submitted while this save was on its way: submit it now, with the version
          // this save answered, so the submission is not refused as a change from another window.
          const submitter = pendingSubmit
          pendingSubmit = null
          if (submitter === true) form.requestSubmit()
          else form.requestSubmit(submitter)
          return
        }
        if (dirty && !stopped) timer = window.setTimeout(save, retryDelay)
      })
  }

  function changed () {
    dirty = true
    window.clearTimeout(timer)
    timer = window.setTimeout(save, DELAY_MS)
  }

  form.addEventListener('input', changed)
  form.addEventListener('change', changed)
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') save(true)
  })
  window.addEventListener('pagehide', function () { save(true) })
  document.addEventListener('app:session-warning', function () { save(false) })
  // The Save draft button posts the form itself: nothing is left for the autosave to do.
  // A submission while a save is on its way waits for its answer (which carries the new version).
  form.addEventListener('submit', function (event) {
    window.clearTimeout(timer)
    if (saving) {
      event.preventDefault()
      pendingSubmit = event.submitter || true
      return
    }
    stopped = true
  })
}

export function initReportAutosave () {
  document.querySelectorAll('[data-module="app-report-autosave"]').forEach(ReportAutosave)
}
