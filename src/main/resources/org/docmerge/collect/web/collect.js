// The collection pages (admin.html for the office, member.html for a member's link). No inline script (CSP).
(function () {
  'use strict';
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'class') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(c); } });
    return e;
  }
  function status(text, bad) {
    var s = $('status');
    s.textContent = text || '';
    s.className = bad ? 'bad' : '';
  }
  function show(id, on) { $(id).classList.toggle('hidden', !on); }
  function fileName(r, fallback) {
    var cd = r.headers.get('Content-Disposition') || '';
    var m = /filename\*=UTF-8''([^;]+)/.exec(cd);
    return m ? decodeURIComponent(m[1]) : fallback;
  }
  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = el('a', { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  var csrf = null;
  // fetch with the CSRF header on every admin change; JSON back, or a file saved.
  function call(method, url, body) {
    var headers = {};
    if (csrf && method !== 'GET') { headers['X-CSRF-Token'] = csrf; }
    return fetch(url, { method: method, body: body, headers: headers, credentials: 'same-origin' }).then(function (r) {
      var type = r.headers.get('Content-Type') || '';
      if (type.indexOf('application/json') === 0) {
        return r.json().then(function (j) { return { status: r.status, json: j }; });
      }
      return r.blob().then(function (b) { return { status: r.status, blob: b, name: fileName(r, 'docmerge') }; });
    });
  }
  function fail(res) {
    var j = res.json || {};
    var extra = (j.problems || []).slice(1, 6).join('；');
    status((j.message || ('服务器返回了错误（' + res.status + '）')) + (extra ? ' ' + extra : ''), true);
  }
  function diagnosticsTable(list) {
    var t = el('table', { class: 'findings' }, [el('thead', {}, [el('tr', {}, [
      el('th', { text: '位置' }), el('th', { text: '类别' }), el('th', { text: '代码' }), el('th', { text: '说明' })])])]);
    var tb = el('tbody');
    (list || []).forEach(function (d) {
      var place = d.sheet ? d.sheet + (d.cell ? '!' + d.cell : '') : (d.detail || '');
      tb.appendChild(el('tr', { class: d.severity === 'error' ? 'bad' : (d.severity === 'warning' ? 'warn' : '') }, [
        el('td', { text: place }), el('td', { text: d.severity === 'error' ? '错误' : (d.severity === 'warning' ? '警告' : '提示') }),
        el('td', { text: d.code }), el('td', { text: d.message })]));
    });
    t.appendChild(tb);
    return t;
  }

  // ------------------------------------------------------------------ office
  var current = null;
  function admin() {
    call('GET', '/collect/api/admin/state').then(function (res) {
      var s = res.json;
      show('setup', s.needsSetup);
      show('login', !s.needsSetup && !s.loggedIn);
      show('main', s.loggedIn);
      show('logout', s.loggedIn);
      if (s.loggedIn) { csrf = s.csrf; collections(); }
    });
    $('setup-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var fd = new FormData(); fd.append('password', $('setup-password').value);
      call('POST', '/collect/api/admin/setup', fd).then(function (res) {
        if (res.status !== 200) { fail(res); return; }
        status('管理密码已设置。'); csrf = res.json.csrf; show('setup', false); show('main', true); show('logout', true); collections();
      });
    });
    $('login-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var fd = new FormData(); fd.append('password', $('login-password').value);
      call('POST', '/collect/api/admin/login', fd).then(function (res) {
        if (res.status !== 200) { fail(res); return; }
        status('已登录。'); csrf = res.json.csrf; show('login', false); show('main', true); show('logout', true); collections();
      });
    });
    $('logout').addEventListener('click', function () {
      call('POST', '/collect/api/admin/logout').then(function () { location.reload(); });
    });
    $('create-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var fd = new FormData($('create-form'));
      status('正在创建…');
      call('POST', '/collect/api/admin/collections', fd).then(function (res) {
        if (res.status !== 201) { fail(res); return; }
        status('已创建收集，共 ' + res.json.members.length + ' 个成员单位。把每个单位的上报链接发给它。');
        $('create-box').open = false;
        collections(); render(res.json);
      });
    });
    [['dl-status', '/status.xlsx'], ['dl-zip', '/reports.zip'], ['dl-agg', '/aggregate.xlsx'], ['dl-agg-docx', '/aggregate.docx']].forEach(function (x) {
      $(x[0]).addEventListener('click', function (e) {
        e.preventDefault();
        if (!current) { return; }
        var q = [];
        if ($('allow-errors').checked) { q.push('allowErrors=1'); }
        if ($('allow-missing').checked) { q.push('allowMissing=1'); }
        status('正在准备下载…');
        call('GET', '/collect/api/admin/collections/' + current + x[1] + (q.length ? '?' + q.join('&') : '')).then(function (res) {
          if (res.status !== 200) { fail(res); return; }
          status('已下载：' + res.name); save(res.blob, res.name);
        });
      });
    });
  }
  function collections() {
    call('GET', '/collect/api/admin/collections').then(function (res) {
      var ul = $('collections');
      ul.textContent = '';
      res.json.collections.forEach(function (c) {
        var a = el('a', { href: '#', text: c.year + ' 年度（截止 ' + c.deadline + '，' + c.agency + '）', 'data-id': String(c.id) });
        a.addEventListener('click', function (e) { e.preventDefault(); load(c.id); });
        ul.appendChild(el('li', {}, [a]));
      });
      if (!current && res.json.collections.length) { load(res.json.collections[res.json.collections.length - 1].id); }
    });
  }
  function load(id) {
    call('GET', '/collect/api/admin/collections/' + id).then(function (res) {
      if (res.status !== 200) { fail(res); return; }
      render(res.json);
    });
  }
  function render(d) {
    current = d.collection.id;
    show('detail', true);
    $('detail-title').textContent = d.collection.year + ' 年度 · 截止 ' + d.collection.deadline;
    $('detail-counts').textContent = Object.keys(d.counts).map(function (k) { return k + ' ' + d.counts[k]; }).join(' · ')
      + ' · 逾期 ' + d.late;
    var tb = $('members').querySelector('tbody');
    tb.textContent = '';
    d.members.forEach(function (m) {
      var link = m.link ? location.origin + m.link : '';
      var revoke = el('button', { type: 'button', text: '停用' });
      revoke.addEventListener('click', function () { memberAction(m.id, '/revoke'); });
      var reissue = el('button', { type: 'button', text: '重新生成' });
      reissue.addEventListener('click', function () { memberAction(m.id, '/reissue'); });
      var prevFile = el('input', { type: 'file', accept: '.xlsx,.xls,.docx,.html,.htm,.txt' });
      var prevBtn = el('button', { type: 'button', text: '上传上年文件' });
      prevBtn.addEventListener('click', function () {
        if (!prevFile.files[0]) { status('请先选择该单位上一年的报告或工作簿。', true); return; }
        var fd = new FormData(); fd.append('file', prevFile.files[0]);
        call('POST', '/collect/api/admin/members/' + m.id + '/previous', fd).then(function (res) {
          if (res.status !== 200) { fail(res); return; }
          status('已保存「' + m.name + '」的上年文件：空白工作簿将从它结转。'); load(current);
        });
      });
      var hist = el('details', { class: 'history' }, [el('summary', { text: m.submissions.length + ' 次提交' })]);
      m.submissions.slice().reverse().forEach(function (s) {
        hist.appendChild(el('p', {}, [el('span', { text: s.at + ' ' + s.who + ' ' + s.fileName + ' 错误 ' + s.errors + ' 警告 ' + s.warnings + ' ' }),
          el('span', { class: 'sha', text: 'SHA-256 ' + s.sha256 })]));
        if (s.diagnostics && s.diagnostics.length) { hist.appendChild(diagnosticsTable(s.diagnostics)); }
      });
      var st = m.status + (m.state === 'ERRORS' ? '（' + m.errors + ' 个）' : '');
      tb.appendChild(el('tr', { 'data-member': m.name }, [
        el('td', { text: String(m.seq) }), el('td', { text: m.name }),
        el('td', { class: 'state-' + m.state, text: st }),
        el('td', { class: m.late ? 'late' : '', text: m.late ? '逾期' : '' }),
        el('td', {}, [el('code', { class: 'link', text: link || '已停用' }), revoke, reissue]),
        el('td', {}, [el('span', { text: m.previous || '' }), prevFile, prevBtn]),
        el('td', {}, [hist])]));
    });
  }
  function memberAction(id, action) {
    call('POST', '/collect/api/admin/members/' + id + action).then(function (res) {
      if (res.status !== 200) { fail(res); return; }
      status(action === '/revoke' ? '链接已停用。' : '已生成新链接，旧链接已停用。');
      load(current);
    });
  }

  // ------------------------------------------------------------------ member
  var token = null;
  function member() {
    token = location.pathname.split('/').pop();
    var api = '/collect/api/m/' + token;
    $('blank').setAttribute('href', api + '/blank');
    function refresh(v) {
      show('member', true);
      $('title').textContent = v.name + ' · ' + v.collection.year + ' 年度政府信息公开工作年度报告上报';
      $('info').textContent = '截止日期：' + v.collection.deadline + (v.late ? '（已逾期）' : '');
      $('state').textContent = '当前状态：' + v.status + (v.state === 'ERRORS' ? '（' + v.errors + ' 个错误）' : '');
      $('state').className = 'state-' + v.state;
      $('carried').textContent = v.carriedForward ? '（已从上年报告结转）' : '';
      $('confirm').disabled = v.state !== 'PASSED';
      var tb = $('history').querySelector('tbody');
      tb.textContent = '';
      v.submissions.slice().reverse().forEach(function (s) {
        tb.appendChild(el('tr', {}, [el('td', { text: s.at }), el('td', { text: s.fileName }), el('td', { text: String(s.errors) }),
          el('td', { text: String(s.warnings) }), el('td', { class: 'sha', text: s.sha256 })]));
      });
    }
    call('GET', api).then(function (res) {
      if (res.status !== 200) { fail(res); return; }
      refresh(res.json);
    });
    $('upload-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var f = $('upload-file').files[0];
      if (!f) { status('请先选择填好的工作簿。', true); return; }
      var fd = new FormData(); fd.append('file', f);
      status('正在上传并检查…');
      call('POST', api + '/upload', fd).then(function (res) {
        if (res.status !== 200) { fail(res); return; }
        var j = res.json;
        var box = $('findings');
        box.textContent = '';
        box.appendChild(el('p', { class: j.ok ? 'ok' : 'bad', text: j.ok ? '检查通过：没有错误' + (j.warnings ? '（' + j.warnings + ' 个警告）' : '') + '。请确认上报。'
          : '有 ' + j.errors + ' 个错误，请在 Excel 中改正后重新上传。' }));
        if (j.diagnostics.length) { box.appendChild(diagnosticsTable(j.diagnostics)); }
        status('已保存这次上传（SHA-256 ' + j.sha256.slice(0, 12) + '…）。');
        refresh(j.member);
      });
    });
    $('confirm').addEventListener('click', function () {
      call('POST', api + '/confirm').then(function (res) {
        if (res.status !== 200) { fail(res); return; }
        status('已确认上报。谢谢！');
        refresh(res.json);
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (document.body.dataset.page === 'admin') { admin(); } else { member(); }
  });
}());
