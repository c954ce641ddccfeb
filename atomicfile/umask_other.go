//go:build !unix

package atomicfile

import "io/fs"

// umask: Windows decides access by the folder's ACL, not by mode bits.
func umask() fs.FileMode { return 0o022 }
