// The national dashboard: reads the public headline API and shows each figure as a card, a chart
// and a table, with a CSV link for each chart. Suppressed figures stay suppressed everywhere.
(function () {
  'use strict';

  const KPIS = [
    ['referralsReceived', 'Henvisninger modtaget'],
    ['peopleSupported', 'Kvinder og børn støttet (i match i perioden)'],
    ['womenSupported', 'Kvinder støttet'],
    ['childrenSupported', 'Børn i familierne støttet'],
    ['volunteersEngaged', 'Frivillige i match i perioden'],
    ['networksEngaged', 'Lokale netværk aktive i perioden'],
    ['womenReached', 'Kvinder nået (første match)'],
    ['childrenReached', 'Børn nået'],
    ['matchesActive', 'Aktive match ved periodens slutning'],
    ['waitingList', 'På venteliste ved periodens slutning'],
    ['volunteersActive', 'Aktive frivillige'],
    ['networksActive', 'Aktive lokale netværk'],
    ['activitiesHeld', 'Netværksaktiviteter afholdt'],
    ['activityWomen', 'Deltagelser i aktiviteter: kvinder'],
    ['activityChildren', 'Deltagelser i aktiviteter: børn'],
    ['activityVolunteers', 'Deltagelser i aktiviteter: frivillige']
  ];
  const TRENDS = {
    referralsReceived: 'Henvisninger modtaget',
    womenReached: 'Kvinder nået',
    waitingList: 'På venteliste',
    matchesActive: 'Aktive match',
    activitiesHeld: 'Aktiviteter afholdt'
  };
  const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
  const charts = {};

  const yearSelect = document.getElementById('year');
  const regionSelect = document.getElementById('region');
  const status = document.getElementById('status');

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function query() {
    const p = new URLSearchParams({year: yearSelect.value});
    if (regionSelect.value) p.set('region', regionSelect.value);
    return p;
  }

  function monthLabel(m) {
    return MONTHS[parseInt(m.substring(5, 7), 10) - 1] + ' ' + m.substring(0, 4);
  }

  function setUp() {
    const thisYear = new Date().getFullYear();
    for (let y = thisYear; y >= 2015; y--) yearSelect.appendChild(el('option', {value: String(y)}, String(y)));
    const params = new URLSearchParams(location.search);
    if (params.get('year')) yearSelect.value = params.get('year');
    if (params.get('region')) regionSelect.value = params.get('region');

    const kpis = document.getElementById('kpis');
    KPIS.forEach(([key, label]) => {
      const box = el('div', {'class': 'kpi'});
      box.appendChild(el('dt', {id: 'label-' + key}, label));
      box.appendChild(el('dd', {id: 'kpi-' + key, 'aria-labelledby': 'label-' + key}, '…'));
      kpis.appendChild(box);
    });
    const spread = el('div', {'class': 'kpi'});
    spread.appendChild(el('dt', {id: 'label-daysToMatch'}, 'Dage fra henvisning til første match (median / 90 %)'));
    spread.appendChild(el('dd', {id: 'kpi-daysToMatch'}, '…'));
    kpis.appendChild(spread);

    const area = document.getElementById('charts');
    Object.entries(TRENDS).forEach(([key, title]) => {
      const panel = el('section', {'class': 'panel', 'aria-labelledby': 'title-' + key});
      panel.appendChild(el('h3', {id: 'title-' + key}, title));
      panel.appendChild(el('div', {'class': 'chart', id: 'chart-' + key, role: 'img', 'aria-label': title + ': se tabellen nedenfor'}));
      const details = el('details', {});
      details.appendChild(el('summary', {}, 'Vis tallene som tabel'));
      const table = el('table', {id: 'table-' + key});
      table.appendChild(el('caption', {}, title + ' pr. måned'));
      const head = el('thead', {});
      const row = el('tr', {});
      row.appendChild(el('th', {scope: 'col'}, 'Måned'));
      row.appendChild(el('th', {scope: 'col', 'class': 'number'}, 'Antal'));
      head.appendChild(row);
      table.appendChild(head);
      table.appendChild(el('tbody', {}));
      details.appendChild(table);
      panel.appendChild(details);
      const link = el('a', {id: 'csv-' + key, href: '#', download: 'qnet-' + key + '.csv'}, 'Hent tallene som CSV');
      const p = el('p', {});
      p.appendChild(link);
      panel.appendChild(p);
      area.appendChild(panel);
      if (window.echarts) {
        charts[key] = echarts.init(document.getElementById('chart-' + key), null, {renderer: 'svg'});
      }
    });
    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
    yearSelect.addEventListener('change', load);
    regionSelect.addEventListener('change', load);
  }

  function show(data) {
    KPIS.forEach(([key]) => {
      const f = data.figures[key];
      document.getElementById('kpi-' + key).textContent = f ? f.display : '–';
    });
    const s = data.spreads.daysToMatch;
    document.getElementById('kpi-daysToMatch').textContent = s.published ? s.median + ' / ' + (s.p90 == null ? 'for få forløb' : s.p90) : 'for få forløb';
    Object.keys(TRENDS).forEach(key => {
      const months = data.trends[key] || [];
      const body = document.querySelector('#table-' + key + ' tbody');
      body.replaceChildren();
      months.forEach(m => {
        const row = el('tr', {});
        row.appendChild(el('th', {scope: 'row'}, monthLabel(m.month)));
        row.appendChild(el('td', {'class': 'number'}, m.figure.display));
        body.appendChild(row);
      });
      const p = query();
      p.set('kpi', key);
      p.set('format', 'csv');
      document.getElementById('csv-' + key).href = '/api/v1/statistics/trend?' + p.toString();
      if (charts[key]) {
        charts[key].setOption({
          animation: false,
          grid: {left: 40, right: 10, top: 10, bottom: 30},
          tooltip: {trigger: 'axis'},
          xAxis: {type: 'category', data: months.map(m => MONTHS[parseInt(m.month.substring(5, 7), 10) - 1])},
          yAxis: {type: 'value', minInterval: 1},
          series: [{type: key === 'waitingList' || key === 'matchesActive' ? 'line' : 'bar', color: '#b3121b',
            data: months.map(m => m.figure.suppressed ? null : m.figure.value)}]
        });
      }
    });
    const region = regionSelect.options[regionSelect.selectedIndex].text;
    document.getElementById('scope').textContent = region.toLowerCase() === 'hele landet' ? 'hele landet, ' + data.period
      : region + ', ' + data.period;
    status.textContent = 'Tallene er opdateret: ' + region + ', ' + data.period + '.';
    document.body.dataset.loaded = query().toString();
  }

  function load() {
    status.textContent = 'Henter tal …';
    history.replaceState(null, '', '?' + query().toString());
    fetch('/api/v1/statistics/headline?' + query().toString(), {headers: {Accept: 'application/json'}})
      .then(r => r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status)))
      .then(show)
      .catch(() => { status.textContent = 'Tallene kunne ikke hentes. Prøv igen om lidt.'; status.className = 'error'; });
  }

  setUp();
  load();
})();
