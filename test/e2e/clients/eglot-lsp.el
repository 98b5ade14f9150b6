;;; eglot-lsp.el --- Emacs (28+) with eglot as an LSP client of daemonlint-language-server  -*- lexical-binding: t -*-
;;
;;   DAEMONLINT_CMD='["/abs/dist/server.js","--stdio"]' OUT=/tmp/out.json HOVER='stunnel.service:5:3' \
;;     emacs -Q --batch -l eglot-lsp.el stunnel.conf stunnel.service ...
;;
;; Set up as docs/editors.md tells: three small major modes and one `eglot-server-programs' entry.
;; eglot 1.9 sends a single languageId for every buffer of a server, so the entry names one the
;; server does not know ("daemonlint"): the server then tells the files apart by their paths.
;; The server is started the way `M-x eglot' starts it, from the first file; the other files
;; are taken over by eglot when visited. Once every file has received diagnostics, a hover is
;; asked at HOVER (file:line:col, 0-based) through eglot's own connection. OUT gets
;;   {"emacs": VERSION, "eglot": VERSION, "files": {NAME: [raw LSP diagnostics]}, "hover": RESULT}
;; Exit code 0 on success, 1 on a timeout, 2 on an error (message in OUT as {"error": ...}).

;; -Q skips Debian's site-start: put the packaged eglot and its dependencies on the load path.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'eglot)
(require 'json)
(require 'cl-lib)

(define-derived-mode stunnel-mode conf-windows-mode "stunnel" "Major mode for stunnel.conf.")
(define-derived-mode systemd-unit-mode conf-unix-mode "systemd" "Major mode for systemd unit files.")
(define-derived-mode limits-conf-mode conf-space-mode "limits" "Major mode for limits.conf.")
(add-to-list 'auto-mode-alist '("/stunnel[^/]*\\.conf\\'" . stunnel-mode))
(add-to-list 'auto-mode-alist
             '("\\.\\(service\\|socket\\|timer\\|mount\\|automount\\|swap\\|path\\|target\\|slice\\)\\'"
               . systemd-unit-mode))
(add-to-list 'auto-mode-alist '("/limits\\(\\.d/[^/]*\\)?\\.conf\\'" . limits-conf-mode))

(defvar daemonlint-published (make-hash-table :test 'equal)
  "Latest publishDiagnostics params per file name, as received.")

;; Keep what the server sent before eglot hands it to flymake (whose backends do not run in batch).
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (puthash (file-name-nondirectory (eglot--uri-to-path uri)) diagnostics daemonlint-published))

;; The files given need no version control around them: the current directory is their project,
;; so that every buffer visited below finds the same eglot server.
(let ((root (expand-file-name default-directory)))
  (add-hook 'project-find-functions (lambda (_dir) (cons 'transient root))))

(defun daemonlint-write (out object)
  (with-temp-file out (insert (json-encode object))))

(let* ((out (or (getenv "OUT") "eglot-lsp.json"))
       (timeout (/ (string-to-number (or (getenv "TIMEOUT_MS") "15000")) 1000.0))
       (files (mapcar #'expand-file-name command-line-args-left))
       (names (mapcar #'file-name-nondirectory files)))
  (setq command-line-args-left nil)
  (condition-case err
      (let* ((cmd (append (json-read-from-string (or (getenv "DAEMONLINT_CMD") (error "DAEMONLINT_CMD not set"))) nil))
             (first (progn
                      (add-to-list 'eglot-server-programs
                                   `(((stunnel-mode :language-id "daemonlint")
                                      (systemd-unit-mode :language-id "daemonlint")
                                      (limits-conf-mode :language-id "daemonlint"))
                                     . ,cmd))
                      (find-file-noselect (car files))))
             (server (with-current-buffer first
                       (apply #'eglot (eglot--guess-contact))))
             (buffers (cons first (mapcar #'find-file-noselect (cdr files))))
             (deadline (+ (float-time) timeout)))
        ;; Buffers visited after the server started are taken over by eglot on their own.
        (while (and (< (float-time) deadline)
                    (cl-some (lambda (n) (not (gethash n daemonlint-published))) names))
          (accept-process-output nil 0.02))
        (when (cl-some (lambda (n) (not (gethash n daemonlint-published))) names)
          (daemonlint-write out '(:error "timed out waiting for diagnostics"))
          (kill-emacs 1))
        (let ((result (list :emacs emacs-version :eglot (file-name-nondirectory (directory-file-name (file-name-directory (locate-library "eglot"))))
                            :managed (mapcar (lambda (b) (with-current-buffer b (if (eglot-current-server) t :json-false))) buffers)
                            :modes (mapcar (lambda (b) (symbol-name (buffer-local-value 'major-mode b))) buffers)
                            :language-id (eglot--language-id server)
                            :files (let (plist)
                                     (dolist (n names) (setq plist (append plist (list (intern (concat ":" n)) (or (gethash n daemonlint-published) [])))))
                                     plist)))
              (hover (getenv "HOVER")))
          (when (and hover (string-match "\\`\\(.+\\):\\([0-9]+\\):\\([0-9]+\\)\\'" hover))
            (let ((file (match-string 1 hover))
                  (line (string-to-number (match-string 2 hover)))
                  (col (string-to-number (match-string 3 hover))))
              (with-current-buffer (get-file-buffer (expand-file-name file))
                (goto-char (point-min))
                (forward-line line)
                (forward-char col)
                (setq result (append result (list :hover (jsonrpc-request server :textDocument/hover
                                                                         (eglot--TextDocumentPositionParams))))))))
          (daemonlint-write out result)
          (ignore-errors (eglot-shutdown server))
          (kill-emacs 0)))
    (error
     (daemonlint-write out (list :error (error-message-string err)))
     (kill-emacs 2))))
