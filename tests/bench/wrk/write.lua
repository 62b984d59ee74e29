-- The write mix of `cargo xtask bench --load`: a partner school's staff file consumer
-- requests (`POST /api/requests`), in turn for a published resource of the catalogue,
-- addressed to a school, and open to every school, with bodies as people write them.
-- Arguments (after `--`): resource ids, then `schools`, then school ids. The sign-in
-- token comes in wrk's `-H "Authorization: Bearer …"`.
local resources, schools, headers = {}, {}, {}
local counter = 0

local needs = {
  "Нужна методическая разработка урока физики с цифровой лабораторией для 8 класса",
  "Просим поделиться программой курса повышения квалификации по формирующему оцениванию",
  "Ищем комплект материалов для проектной деятельности по истории родного края",
  "Нужен опыт организации наставничества для молодых учителей начальной школы",
}
local audiences = {
  "Учителя физики основной школы",
  "Педагоги начальных классов",
  "Методическое объединение учителей истории",
  "Классные руководители 5–9 классов",
}
local forms = { "methodological_development", "training_programme", "material_kit" }

function init(args)
  local into = resources
  for _, value in ipairs(args) do
    if value == "schools" then
      into = schools
    else
      table.insert(into, tonumber(value))
    end
  end
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["Content-Type"] = "application/json"
end

-- The list's entry for this request; `step` varies the lists at different rates.
local function pick(list, step)
  return list[math.floor(counter / step) % #list + 1]
end

function request()
  counter = counter + 1
  local deadline = os.date("!%Y-%m-%d", os.time() + (60 + counter % 120) * 86400)
  local target = ""
  if counter % 3 == 0 then
    target = string.format(',"resource_id":%d', pick(resources, 3))
  elseif counter % 3 == 1 then
    target = string.format(',"target_org_id":%d', pick(schools, 3))
  end
  local body = string.format(
    '{"need":"%s","audience":"%s","desired_form":"%s","deadline":"%s"%s}',
    pick(needs, 1), pick(audiences, 2), pick(forms, 5), deadline, target)
  return wrk.format("POST", "/api/requests", headers, body)
end
