// Offence type-ahead (issue 10 item 7): turns each text box marked data-module="app-offence-search"
// into an ARIA 1.2 combobox with a list box of offences found by words of their official description
// or their code (GET data-search-url?q=…). Choosing one fills in "Description (code)", which the
// server reads back by its code. Without JavaScript the box stays a text box: the server resolves
// the words or code typed and lists the choices when several offences match.

const MIN_CHARACTERS = 2
const DELAY_MS = 200

let instances = 0

function OffenceSearch (input) {
  instances += 1
  const listId = (input.id || 'offence-search-' + instances) + '-listbox'
  const wrapper = document.createElement('div')
  wrapper.className = 'app-offence-search'
  input.parentNode.insertBefore(wrapper, input)
  wrapper.appendChild(input)

  const list = document.createElement('ul')
  list.id = listId
  list.className = 'app-offence-search__list'
  list.setAttribute('role', 'listbox')
  list.setAttribute('aria-label', 'Matching offences')
  list.hidden = true
  wrapper.appendChild(list)

  const status = document.createElement('div')
  status.className = 'govuk-visually-hidden'
  status.setAttribute('role', 'status')
  status.setAttribute('aria-live', 'polite')
  wrapper.appendChild(status)

  input.setAttribute('role', 'combobox')
  input.setAttribute('aria-autocomplete', 'list')
  input.setAttribute('aria-expanded', 'false')
  input.setAttribute('aria-controls', listId)

  let results = []
  let active = -1
  let timer = null
  let asked = 0

  function options () {
    return list.querySelectorAll('[role="option"]')
  }

  function close () {
    list.hidden = true
    input.setAttribute('aria-expanded', 'false')
    input.removeAttribute('aria-activedescendant')
    active = -1
  }

  function highlight (index) {
    const all = options()
    all.forEach(function (option, i) {
      const selected = i === index
      option.setAttribute('aria-selected', selected ? 'true' : 'false')
      option.classList.toggle('app-offence-search__option--active', selected)
    })
    active = index
    if (index >= 0 && all[index]) {
      input.setAttribute('aria-activedescendant', all[index].id)
      all[index].scrollIntoView({ block: 'nearest' })
    } else {
      input.removeAttribute('aria-activedescendant')
    }
  }

  function choose (index) {
    const chosen = results[index]
    if (!chosen) return
    input.value = chosen.label
    close()
    status.textContent = chosen.label + ' chosen'
  }

  function show (found, query) {
    results = found
    list.textContent = ''
    found.forEach(function (offence, i) {
      const option = document.createElement('li')
      option.id = listId + '-' + i
      option.className = 'app-offence-search__option'
      option.setAttribute('role', 'option')
      option.setAttribute('aria-selected', 'false')
      option.textContent = offence.label
      option.addEventListener('mousedown', function (event) { event.preventDefault() })
      option.addEventListener('click', function () { choose(i) })
      list.appendChild(option)
    })
    if (found.length === 0) {
      close()
      status.textContent = 'No offences match ' + query
      return
    }
    list.hidden = false
    input.setAttribute('aria-expanded', 'true')
    highlight(-1)
    status.textContent = found.length + (found.length === 1 ? ' offence matches' : ' offences match') +
      '. Use the up and down arrows to move through them and enter to choose.'
  }

  function search () {
    const query = input.value.trim()
    if (query.length < MIN_CHARACTERS) { close(); status.textContent = ''; return }
    asked += 1
    const mine = asked
    const url = input.dataset.searchUrl + '?q=' + encodeURIComponent(query)
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : { results: [] } })
      .then(function (body) { if (mine === asked) show(body.results || [], query) })
      .catch(function () { close() })
  }

  input.addEventListener('input', function () {
    window.clearTimeout(timer)
    timer = window.setTimeout(search, DELAY_MS)
  })

  input.addEventListener('keydown', function (event) {
    const count = options().length
    const open = !list.hidden
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      if (!open && count) { list.hidden = false; input.setAttribute('aria-expanded', 'true') }
      if (count) highlight((active + 1) % count)
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      if (open && count) highlight(active <= 0 ? count - 1 : active - 1)
    } else if (event.key === 'Enter') {
      if (open && active >= 0) { event.preventDefault(); choose(active) }
    } else if (event.key === 'Escape') {
      if (open) { event.preventDefault(); close() }
    }
  })

  input.addEventListener('blur', close)
}

export function initOffenceSearch (scope) {
  (scope || document).querySelectorAll('input[data-module="app-offence-search"]').forEach(function (input) {
    if (input.dataset.offenceSearchStarted) return
    input.dataset.offenceSearchStarted = 'true'
    OffenceSearch(input)
  })
}
