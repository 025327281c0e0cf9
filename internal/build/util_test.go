package build

import "jianbao/internal/diag"

func layoutPos() diag.Pos { return diag.Pos{File: "test"} }
