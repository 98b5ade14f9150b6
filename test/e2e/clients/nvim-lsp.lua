-- Headless Neovim (0.7+) as an LSP client of daemonlint-language-server.
--
--   DAEMONLINT_CMD='["/abs/dist/server.js","--stdio"]' OUT=/tmp/out.json \
--   HOVER='stunnel.service:5:3' nvim --headless -u nvim-lsp.lua stunnel.conf stunnel.service ...
--
-- Every file given is opened in a buffer and attached to one client rooted at the current
-- directory. Once each buffer has received diagnostics, the hover at HOVER (file:line:col,
-- 0-based) is shown with vim.lsp.buf.hover() and its floating window read back. OUT gets
--   { nvim = '0.7.2', files = { [name] = { published = <raw params>, diagnostics = <vim.diagnostic.get> } },
--     hover = <raw hover result>, hover_lines = <lines of the floating window> }
-- Exit code 0 on success; 1 on a timeout; 2 on any Lua error (message in OUT as {error=...}).
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.opt.more = false

local out = os.getenv('OUT') or 'nvim-lsp.json'
local cmd_json = os.getenv('DAEMONLINT_CMD')
local timeout = tonumber(os.getenv('TIMEOUT_MS') or '15000')

-- The language ids the server knows, keyed by Neovim filetype.
local language_ids = { stunnel = 'stunnel', systemd = 'systemd-unit', limits = 'limits-conf' }

local function filetype_of(name)
  local base = vim.fn.fnamemodify(name, ':t')
  if base:match('%.service$') or base:match('%.socket$') or base:match('%.timer$') then return 'systemd' end
  if base == 'limits.conf' then return 'limits' end
  if base:match('^stunnel.*%.conf$') then return 'stunnel' end
  return ''
end

local function write(tbl)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(tbl))
  f:close()
end

local function quit(code, tbl)
  write(tbl)
  vim.cmd(code == 0 and 'qall!' or ('cquit! ' .. code))
end

local published = {}

local function run()
  if not cmd_json then return quit(2, { error = 'DAEMONLINT_CMD not set' }) end
  local cmd = vim.fn.json_decode(cmd_json)
  local root = vim.fn.getcwd()
  local client_id = vim.lsp.start_client({
    name = 'daemonlint',
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    get_language_id = function(_, filetype) return language_ids[filetype] or filetype end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        published[result.uri] = result
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  if not client_id then return quit(2, { error = 'vim.lsp.start_client failed' }) end

  local buffers = {}
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    local name = vim.api.nvim_buf_get_name(b)
    if name ~= '' then
      vim.fn.bufload(b)
      vim.bo[b].filetype = filetype_of(name)
      vim.lsp.buf_attach_client(b, client_id)
      buffers[#buffers + 1] = b
    end
  end

  local all = vim.wait(timeout, function()
    for _, b in ipairs(buffers) do
      if not published[vim.uri_from_bufnr(b)] then return false end
    end
    return true
  end, 20)
  if not all then return quit(1, { error = 'timed out waiting for diagnostics', published = published }) end

  local client = vim.lsp.get_client_by_id(client_id)
  local result = { nvim = tostring(vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch), files = {} }
  for _, b in ipairs(buffers) do
    local diags = {}
    for _, d in ipairs(vim.diagnostic.get(b)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      diags[#diags + 1] = { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message,
        source = d.source, code = d.code or lsp.code }
    end
    result.files[vim.fn.fnamemodify(vim.api.nvim_buf_get_name(b), ':t')] = {
      published = published[vim.uri_from_bufnr(b)], diagnostics = diags }
  end

  local hover = os.getenv('HOVER')
  if hover then
    local file, line, col = hover:match('^(.+):(%d+):(%d+)$')
    local buf = vim.fn.bufnr(file)
    vim.api.nvim_set_current_buf(buf)
    vim.api.nvim_win_set_cursor(0, { tonumber(line) + 1, tonumber(col) })
    local resp = client.request_sync('textDocument/hover', vim.lsp.util.make_position_params(), timeout, buf)
    result.hover = resp and resp.result or vim.NIL
    -- What a person sees: the floating window that vim.lsp.buf.hover() opens.
    local before = vim.api.nvim_get_current_win()
    vim.lsp.buf.hover()
    local float
    vim.wait(timeout, function()
      for _, w in ipairs(vim.api.nvim_list_wins()) do
        if w ~= before and vim.api.nvim_win_get_config(w).relative ~= '' then float = w return true end
      end
      return false
    end, 20)
    result.hover_lines = float and vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false) or vim.NIL
  end

  vim.lsp.stop_client(client_id)
  quit(0, result)
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then quit(2, { error = tostring(err) }) end
  end,
})
