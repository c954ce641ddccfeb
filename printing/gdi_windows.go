package printing

import (
	"context"

	"khenthuong"
)

func submit(ctx context.Context, j Job) (Result, error) {
	return Result{}, khenthuong.Errorf(khenthuong.EINVALID, "Chưa in thẳng được trên Windows")
}
