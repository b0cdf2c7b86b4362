// docmerge serve: the page's only script. Talks to the API of the same server (docs/http-api.md); builds every
// element with createElement/textContent (never innerHTML), so nothing from a file can become markup.
'use strict';

(function () {
  var maxUpload = 20 * 1024 * 1024;
  var pdfAvailable = true;

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'cls') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) { if (c) { e.appendChild(c); } });
    return e;
  }

  function status(text, bad) {
    var s = $('status');
    s.textContent = text;
    s.className = 'status' + (bad ? ' bad' : '');
  }

  function tooLarge(file) {
    return file && file.size > maxUpload;
  }

  function tooLargeText() {
    return '上传的文件超过了 ' + Math.round(maxUpload / 1048576) + ' MB 的上限，没有处理。年度报告的工作簿通常不到 100 KB：'
      + '请确认选对了文件；如果工作簿里有图片或多余的工作表，删除后另存再上传。';
  }

  // The file name from Content-Disposition: filename* (RFC 5987, the Chinese name) before filename.
  function fileName(response, fallback) {
    var cd = response.headers.get('Content-Disposition') || '';
    var star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
    if (star) { try { return decodeURIComponent(star[1]); } catch (e) { /* use the plain one */ } }
    var plain = /filename="([^"]+)"/i.exec(cd);
    return plain ? plain[1] : fallback;
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = el('a', { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  // Sends a request; a file answer is saved, a JSON answer handed to onJson(status, json).
  function send(method, url, body, onJson, busyText) {
    status(busyText || '正在处理…');
    return fetch(url, { method: method, body: body, credentials: 'same-origin' }).then(function (r) {
      var type = r.headers.get('Content-Type') || '';
      if (r.ok && type.indexOf('application/json') < 0) {
        return r.blob().then(function (b) {
          var name = fileName(r, 'docmerge');
          save(b, name);
          status('已下载：' + name);
        });
      }
      if (type.indexOf('application/json') >= 0) {
        return r.json().then(function (j) {
          if (j.schema === 'docmerge-error/1') {
            status(j.message, true);
            return;
          }
          status(r.ok ? '完成。' : (j.message || '没有完成。'), !r.ok);
          onJson(r.status, j);
        });
      }
      return r.text().then(function (t) { status('服务器返回了错误（' + r.status + '）：' + t.slice(0, 200), true); });
    }).catch(function () {
      status('无法连接 docmerge 服务器：请确认它仍在运行，然后刷新页面。', true);
    });
  }

  // A copy of the file as it is now. Excel saving over a file after it was chosen makes the browser refuse to read
  // the old selection; reading it first turns that into a clear message instead of a failed upload.
  function snapshot(f) {
    return f.arrayBuffer().then(function (b) { return new File([b], f.name); }, function () {
      status('无法读取「' + f.name + '」：它可能在选择之后又被保存或移走了。请重新选择或再次拖入这个文件。', true);
      throw new Error('unreadable');
    });
  }

  // Sends a form whose files are read first (see snapshot); files is a list of [field, File].
  function sendFiles(url, files, fields, onJson, busyText) {
    Promise.all(files.map(function (x) { return snapshot(x[1]); })).then(function (copies) {
      var fd = new FormData();
      Object.keys(fields || {}).forEach(function (k) { fd.append(k, fields[k]); });
      copies.forEach(function (c, i) { fd.append(files[i][0], c, c.name); });
      return send('POST', url, fd, onJson, busyText);
    }).catch(function () { /* said so in snapshot */ });
  }

  function chosen(input, what) {
    var f = input.files && input.files[0];
    if (!f) { status('请先选择' + what + '。', true); input.focus(); return null; }
    if (tooLarge(f)) { status(tooLargeText(), true); return null; }
    return f;
  }

  // --- drawing a check result ---

  var SEVERITY = { error: '错误', warning: '警告', info: '提示' };

  function place(d) {
    var p = d.sheet + (d.cell ? '!' + d.cell : '');
    if (d.detail) { p += (p ? ' ' : '') + d.detail; }
    return p || '整个文件';
  }

  function summary(j) {
    var text;
    if (j.ok && j.numbers > 0 && j.numbersRead === 0) {
      return el('p', { cls: 'summary bad', text: '没有发现错误，但表格中的数字一个也没有读到，表格没有检查。原因见下面的警告。' });
    }
    if (j.ok && j.warnings === 0) {
      text = '检查通过：没有发现问题。';
    } else if (j.ok) {
      text = '检查通过，有 ' + j.warnings + ' 个警告，请逐条核对。';
    } else {
      text = '发现 ' + j.errors + ' 个错误、' + j.warnings + ' 个警告。请在 Excel 中改正标红的单元格，保存后再检查一次。';
    }
    return el('p', { cls: 'summary ' + (j.ok ? 'ok' : 'bad'), text: text });
  }

  function byCell(diagnostics) {
    var map = {};
    diagnostics.forEach(function (d) {
      if (d.sheet && d.cell) {
        var k = d.sheet + '!' + d.cell;
        (map[k] = map[k] || []).push(d);
      }
    });
    return map;
  }

  function same(a, b, n) {
    if (a.length < n || b.length < n) { return false; }
    for (var i = 0; i < n; i++) { if (a[i] !== b[i]) { return false; } }
    return true;
  }

  function labelDepth(b) {
    return Math.max.apply(null, b.rows.map(function (r) { return r.label.length; }).concat([0]));
  }

  // One block of a table, as the official form draws it: merged headers for nested labels; a block narrower than
  // the table (表二's later blocks) stretches its last column, as on paper.
  function block(table, b, found, tbody, width) {
    var cols = b.columns.map(function (c) { return c.label; });
    var rows = b.rows.map(function (r) { return r.label; });
    var hd = Math.max(1, Math.max.apply(null, cols.map(function (c) { return c.length; })));
    var ld = labelDepth(b);
    var extra = width - (ld + cols.length);
    if (b.caption) {
      tbody.appendChild(el('tr', null, [el('th', { colspan: String(width), scope: 'colgroup', cls: 'caption', text: b.caption })]));
    }
    for (var l = 0; l < hd; l++) {
      var tr = el('tr');
      if (l === 0 && ld > 0) {
        tr.appendChild(el('th', { colspan: String(ld), rowspan: String(hd), cls: 'corner', text: b.corner || table.corner || '' }));
      }
      for (var i = 0; i < cols.length; i++) {
        var c = cols[i];
        if (l >= c.length) { continue; }
        if (i > 0 && same(cols[i - 1], c, l + 1)) { continue; }
        var span = 1;
        while (i + span < cols.length && same(cols[i + span], c, l + 1)) { span++; }
        var leaf = l === c.length - 1;
        var wide = i + span === cols.length ? extra : 0;
        tr.appendChild(el('th', { colspan: String(span + wide), rowspan: String(leaf ? hd - l : 1), scope: span > 1 ? 'colgroup' : 'col', text: c[l] }));
      }
      tbody.appendChild(tr);
    }
    b.rows.forEach(function (row, ri) {
      var tr = el('tr');
      var r = row.label;
      for (var l = 0; l < r.length; l++) {
        if (ri > 0 && same(rows[ri - 1], r, l + 1)) { continue; }
        var span = 1;
        while (ri + span < rows.length && same(rows[ri + span], r, l + 1)) { span++; }
        var leaf = l === r.length - 1;
        tr.appendChild(el('th', { rowspan: String(span), colspan: String(leaf ? ld - l : 1), scope: 'row', cls: 'rowlabel', text: r[l] }));
      }
      row.cells.forEach(function (cell, ci) {
        var ds = found[cell.sheet + '!' + cell.cell] || [];
        var td = el('td', { cls: 'num', title: cell.sheet && cell.cell ? cell.sheet + '!' + cell.cell : '' });
        if (ci === row.cells.length - 1 && extra > 0) { td.setAttribute('colspan', String(1 + extra)); }
        td.appendChild(el('span', { cls: 'value', text: cell.text === '' ? '（空）' : cell.text }));
        if (ds.length) {
          var worst = ds.some(function (d) { return d.severity === 'error'; }) ? 'bad' : 'warn';
          td.className += ' ' + worst;
          ds.forEach(function (d) {
            td.appendChild(el('span', { cls: 'msg', text: cell.cell + ' ' + SEVERITY[d.severity] + ' ' + d.code + '：' + d.message }));
          });
        }
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  }

  function tables(j, found) {
    var box = el('div', { cls: 'tables' });
    (j.tables || []).forEach(function (t) {
      var table = el('table', { cls: 'official', id: 'table-' + t.id });
      table.appendChild(el('caption', { text: t.heading + '（工作表「' + t.sheet + '」）' }));
      var width = Math.max.apply(null, t.blocks.map(function (b) { return labelDepth(b) + b.columns.length; }));
      t.blocks.forEach(function (b) {
        var tbody = el('tbody');
        block(t, b, found, tbody, width);
        table.appendChild(tbody);
      });
      box.appendChild(el('div', { cls: 'scroll', role: 'region', 'aria-label': t.heading, tabindex: '0' }, [table]));
    });
    return box;
  }

  function findings(list, title) {
    if (!list.length) { return null; }
    var ol = el('ol', { cls: 'findings' });
    list.forEach(function (d) {
      var li = el('li', { cls: d.severity }, [
        el('span', { cls: 'badge', text: SEVERITY[d.severity] || d.severity }),
        el('span', { cls: 'place', text: place(d) }),
        el('code', { text: d.code }),
        el('span', { cls: 'message', text: d.message })
      ]);
      if (d.paragraph) {
        li.appendChild(el('blockquote', { text: d.paragraph }));
      }
      ol.appendChild(li);
    });
    return el('div', null, [el('h3', { text: title }), ol]);
  }

  function showCheck(box, j) {
    box.textContent = '';
    box.appendChild(el('p', { cls: 'file', text: '文件：' + j.file + (j.kindName ? '（' + j.kindName + '）' : '') }));
    box.appendChild(summary(j));
    var diags = j.diagnostics || [];
    var found = byCell(diags);
    var inTables = {};
    (j.tables || []).forEach(function (t) {
      t.blocks.forEach(function (b) { b.rows.forEach(function (r) { r.cells.forEach(function (c) { inTables[c.sheet + '!' + c.cell] = true; }); }); });
    });
    var others = diags.filter(function (d) { return !(d.sheet && d.cell && inTables[d.sheet + '!' + d.cell]); });
    var prose = others.filter(function (d) { return d.paragraph; });
    var rest = others.filter(function (d) { return !d.paragraph; });
    [findings(rest, '其他问题'), findings(prose, '正文中的问题')].forEach(function (x) { if (x) { box.appendChild(x); } });
    if (j.cover) {
      var dl = el('dl', { cls: 'cover' });
      j.cover.forEach(function (f) { if (f.value) { dl.appendChild(el('dt', { text: f.label })); dl.appendChild(el('dd', { text: f.value })); } });
      box.appendChild(dl);
    }
    if (j.tables) {
      box.appendChild(el('h3', { text: '表格（标红的单元格有错误，黄色为警告）' }));
      box.appendChild(tables(j, found));
    }
    box.focus();
  }

  function showInspect(box, j) {
    box.textContent = '';
    box.appendChild(el('p', { cls: 'file', text: '模板：' + j.file + '（' + j.kindName + '）' }));
    box.appendChild(el('p', { cls: 'summary ' + (j.ok ? 'ok' : 'bad'),
      text: j.ok ? '模板可以使用' + (j.warnings ? '，有 ' + j.warnings + ' 个警告。' : '。') : '模板有 ' + j.errors + ' 个错误，改正前不能使用。' }));
    var f = findings(j.diagnostics, '问题');
    if (f) { box.appendChild(f); }
    if (j.tags.length) {
      var table = el('table', { cls: 'tags' });
      table.appendChild(el('caption', { text: '共有 ' + j.tags.length + ' 处标签' }));
      table.appendChild(el('tr', null, [el('th', { scope: 'col', text: '标签' }), el('th', { scope: 'col', text: '类型' }), el('th', { scope: 'col', text: '位置' })]));
      j.tags.forEach(function (t) {
        table.appendChild(el('tr', null, [el('td', null, [el('code', { text: '{{' + t.name + '}}' })]),
          el('td', { text: t.kind === 'block' ? '段落' : '行内' }), el('td', { text: t.location })]));
      });
      box.appendChild(el('div', { cls: 'scroll', role: 'region', 'aria-label': '标签一览', tabindex: '0' }, [table]));
    }
    box.focus();
  }

  // --- the five steps ---

  function init() {
    $('init-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var from = $('init-from').files[0];
      var kind = $('init-kind').value;
      var year = $('init-year').value;
      if (from) {
        if (tooLarge(from)) { status(tooLargeText(), true); return; }
        sendFiles('/api/init', [['from', from]], kind ? { kind: kind } : {},
          function (code, j) { status(j.message || '无法生成工作簿。', true); }, '正在生成工作簿…');
      } else {
        var q = [];
        if (kind) { q.push('kind=' + encodeURIComponent(kind)); }
        if (year) { q.push('year=' + encodeURIComponent(year)); }
        send('GET', '/api/init' + (q.length ? '?' + q.join('&') : ''), null, function () {}, '正在生成工作簿…');
      }
    });

    function check() {
      var f = chosen($('check-file'), '填好的工作簿');
      if (!f) { return; }
      var files = [['file', f]];
      var prev = $('check-previous').files[0];
      if (prev) {
        if (tooLarge(prev)) { status(tooLargeText(), true); return; }
        files.push(['previous', prev]);
      }
      sendFiles('/api/check', files, {}, function (code, j) { showCheck($('check-result'), j); }, '正在检查…');
    }
    $('check-form').addEventListener('submit', function (e) { e.preventDefault(); check(); });
    $('check-file').addEventListener('change', function () { if ($('check-file').files[0]) { check(); } });
    // Choosing the same file again after fixing it in Excel must count as a change, so the picker starts empty.
    ['check-file', 'check-previous', 'published-file', 'template-file', 'init-from'].forEach(function (id) {
      $(id).addEventListener('click', function () { $(id).value = ''; });
    });

    var drop = $('drop');
    ['dragenter', 'dragover'].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (t) {
      drop.addEventListener(t, function () { drop.classList.remove('over'); });
    });
    drop.addEventListener('drop', function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) {
        $('check-file').files = e.dataTransfer.files;
        check();
      }
    });

    ['merge-docx', 'merge-pdf', 'merge-draft'].forEach(function (id) {
      $(id).addEventListener('click', function () {
        var f = chosen($('check-file'), '第 2 步中填好的工作簿');
        if (!f) { return; }
        var files = [['file', f]];
        var prev = $('check-previous').files[0];
        if (prev && !tooLarge(prev)) { files.push(['previous', prev]); }
        var format = $(id).getAttribute('data-format');
        $('merge-result').textContent = '';
        sendFiles('/api/merge?format=' + format, files, {}, function (code, j) {
          showCheck($('merge-result'), j);
          status(j.message || '没有生成报告。', true);
        }, format === 'pdf' ? '正在生成 PDF（需要十几秒）…' : '正在生成报告…');
      });
    });

    $('published-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var f = chosen($('published-file'), '已发布的报告');
      if (!f) { return; }
      sendFiles('/api/check', [['file', f]], {}, function (code, j) { showCheck($('published-result'), j); }, '正在读取报告…');
    });
    $('extract').addEventListener('click', function () {
      var f = chosen($('published-file'), '已发布的报告');
      if (!f) { return; }
      sendFiles('/api/extract', [['file', f]], {}, function (code, j) { showCheck($('published-result'), j); }, '正在读回工作簿…');
    });

    $('template-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var f = chosen($('template-file'), 'Word 模板');
      if (!f) { return; }
      sendFiles('/api/inspect', [['file', f]], {}, function (code, j) { showInspect($('template-result'), j); }, '正在检查模板…');
    });

    fetch('/api/about').then(function (r) { return r.json(); }).then(function (a) {
      maxUpload = a.maxUploadBytes;
      pdfAvailable = a.pdf;
      var select = $('init-kind');
      a.kinds.forEach(function (k) {
        select.appendChild(el('option', { value: k.id, text: k.name + '（' + k.from + ' 年' + (k.to ? '至 ' + k.to + ' 年' : '起') + '）' }));
      });
      if (!pdfAvailable) {
        $('merge-pdf').disabled = true;
        $('merge-pdf').textContent = '下载 PDF（本机未安装 LibreOffice）';
      }
      $('about').textContent = 'docmerge ' + a.version + ' · 单个文件上限 ' + Math.round(maxUpload / 1048576) + ' MB';
    }).catch(function () { /* the page still works with the defaults */ });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
