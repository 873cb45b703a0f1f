-- Write .docx files from pandoc JSON documents, one document per line of input.
--
-- Run as `pandoc lua docx_writer.lua REFERENCE.docx`. For each line (a pandoc
-- JSON document) it answers on standard output either "<size>\n" followed by the
-- .docx bytes, or "error <message>\n". One process serves many documents, so
-- pandoc starts once per worker instead of once per unit.
local options = { reference_doc = arg[1] }

local function convert(line)
  return pandoc.write(pandoc.read(line, "json"), "docx", options)
end

for line in io.lines() do
  local ok, result = pcall(convert, line)
  if ok then
    io.write(#result, "\n", result)
  else
    io.write("error ", (tostring(result):gsub("%s+", " ")), "\n")
  end
  io.flush()
end
