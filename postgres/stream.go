package postgres

// callerError marks an error returned by a stream's callback (EachNomination,
// EachRecipient, EachAudit): it stopped the stream and goes back to the
// caller as it is, not worded as a server failure (QueryService's contract).
type callerError struct{ err error }

func (e callerError) Error() string { return e.err.Error() }
func (e callerError) Unwrap() error { return e.err }

// fromCaller marks the callback's error, nil staying nil.
func fromCaller(err error) error {
	if err == nil {
		return nil
	}
	return callerError{err}
}
