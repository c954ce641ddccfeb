//go:build !linux && !windows

package main

// onNetwork cannot tell on this system: the file is taken as local.
func onNetwork(path string) (kind string, remote bool) { return "", false }
