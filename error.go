package khenthuong

import (
	"errors"
	"fmt"
)

// Error codes: the kinds of failure the screens and the CLI react to differently.
const (
	EINVALID  = "invalid"   // the clerk's input breaks a rule
	ENOTFOUND = "not_found" // the record does not exist
	ECONFLICT = "conflict"  // the change clashes with the stored state (issued, duplicate code...)
	ELOCKED   = "locked"    // the data file is open in another window
	ECORRUPT  = "corrupt"   // the data file fails its checks
	ETOONEW   = "too_new"   // the data file was written by a newer version
	EINTERNAL = "internal"  // a bug or an I/O failure: logged, never shown raw

	EFORBIDDEN   = "forbidden"   // the login's role may not make this change (office server)
	EUNAVAILABLE = "unavailable" // the office server cannot be reached or refused the login
)

// InternalMessage is what a clerk sees for an internal error; the detail goes to the log.
const InternalMessage = "Lỗi hệ thống, xem nhật ký"

// Error is the one error type of the application: a code for programs and a
// Vietnamese message written for the clerk. Field names the offending field, if any.
type Error struct {
	Code    string
	Message string
	Field   string
	Err     error // the underlying cause, for the log
}

func (e *Error) Error() string {
	if e.Err != nil && e.Code == EINTERNAL {
		return fmt.Sprintf("%s: %v", e.Message, e.Err)
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted Vietnamese message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf is Errorf(EINVALID, ...) naming the field at fault.
func FieldErrorf(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Internal wraps an unexpected error so that it is logged, not shown.
func Internal(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: EINTERNAL, Message: InternalMessage, Err: err}
}

// ErrorCode returns the code of an application error, EINTERNAL for any other error
// and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message fit to show a clerk.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) && e.Code != EINTERNAL {
		return e.Message
	}
	return InternalMessage
}

// Prefixed returns err with its clerk-facing message prefixed, e.g. with the
// file it came from; the code and field are kept, internal errors stay internal.
func Prefixed(err error, prefix string) error {
	var e *Error
	if err == nil || !errors.As(err, &e) || e.Code == EINTERNAL {
		return err
	}
	c := *e
	c.Message = prefix + ": " + e.Message
	return &c
}

// RowError prefixes the clerk's message of a row's error with its row ("Dòng 3: …")
// when a write takes several rows; internal errors stay as they are.
func RowError(rows, i int, err error) error {
	var e *Error
	if rows < 2 || !errors.As(err, &e) || e.Code == EINTERNAL {
		return err
	}
	return &Error{Code: e.Code, Field: e.Field, Err: e.Err, Message: fmt.Sprintf("Dòng %d: %s", i+1, e.Message)}
}

// WithField names the field an application error is about, if it names none.
func WithField(err error, field string) error {
	var e *Error
	if errors.As(err, &e) && e.Field == "" && e.Code != EINTERNAL {
		c := *e
		c.Field = field
		return &c
	}
	return err
}
