package ui

import "khenthuong"

// Backend is every service the screens use. The Quyết định, Tra cứu, review
// and In ấn screens need services that khenthuong.Services does not gather
// (yet); the window reaches them through a type assertion svc.(Backend).
type Backend interface {
	khenthuong.Services
	khenthuong.ReviewService
	khenthuong.DecisionService
	khenthuong.HistoryService
	khenthuong.PrintService
}
