//! The texts of the launch procedure: the ranking of problems, a project's tabs
//! (structures, document package, plan, indicators, orders), approvals and reminders.

use rules::plural::Noun;

/// The launch procedure's texts in one language.
#[derive(Debug)]
pub struct LaunchTexts {
    /// The decimal separator: «,» in Russian, «.» in English.
    pub decimal_separator: &'static str,
    /// «Разделы проекта»
    pub tabs_label: &'static str,
    /// «Карточка»
    pub tab_card: &'static str,
    /// «Ресурсы»
    pub tab_resources: &'static str,
    /// «Структуры»
    pub tab_structures: &'static str,
    /// «Пакет документов»
    pub tab_package: &'static str,
    /// «План»
    pub tab_plan: &'static str,
    /// «Показатели»
    pub tab_indicators: &'static str,
    /// «Приказы»
    pub tab_orders: &'static str,
    /// «Удалить»
    pub delete: &'static str,
    /// «Убрать»
    pub remove: &'static str,
    /// «Направления работы»
    pub directions: &'static str,
    /// «Направление»
    pub direction: &'static str,
    /// «Добавить направление»
    pub add_direction: &'static str,
    /// «Не более 10 направлений»
    pub directions_limit: &'static str,
    /// «Не указаны»
    pub none: &'static str,
    /// «Проблемы из ранжирования»
    pub cited_problems: &'static str,
    /// «Для издания приказа нужна хотя бы одна проблема из зафиксиро»
    pub cited_hint: &'static str,
    /// «В ранжированиях школы пока нет проблем»
    pub no_problems_to_cite: &'static str,
    /// «ранжирование зафиксировано»
    pub ranking_frozen: &'static str,
    /// «ранжирование не зафиксировано»
    pub ranking_open: &'static str,
    /// «Место работы научного руководителя»
    pub affiliation: &'static str,
    /// «Вуз или институт внешнего руководителя»
    pub affiliation_hint: &'static str,
    /// «Подтверждения статуса площадки»
    pub confirmations: &'static str,
    /// «Статус ещё не подтверждался»
    pub confirmations_none: &'static str,
    /// «Добавить подтверждение»
    pub add_confirmation: &'static str,
    /// «Дата подтверждения»
    pub confirmed_on: &'static str,
    /// «Основание»
    pub basis: &'static str,
    /// «Приказ или решение комитета, например «Приказ комитета от 25»
    pub basis_hint: &'static str,
    /// «Учебный год»
    pub school_year: &'static str,
    /// «Управляющие структуры»
    pub structures_heading: &'static str,
    /// «Сформировать структуру»
    pub add_structure: &'static str,
    /// «Новая структура»
    pub structure_new: &'static str,
    /// «Изменение состава»
    pub structure_edit: &'static str,
    /// «Вид структуры»
    pub structure_kind: &'static str,
    /// «Совет»
    pub kind_council: &'static str,
    /// «Творческая группа»
    pub kind_creative_group: &'static str,
    /// «Лаборатория»
    pub kind_laboratory: &'static str,
    /// «Кафедра»
    pub kind_department: &'static str,
    /// «Название»
    pub structure_name: &'static str,
    /// «Состав»
    pub members: &'static str,
    /// «Участник»
    pub member: &'static str,
    /// «Функция»
    pub function: &'static str,
    /// «Руководитель»
    pub fn_head: &'static str,
    /// «Секретарь»
    pub fn_secretary: &'static str,
    /// «Член»
    pub fn_member: &'static str,
    /// «Эксперт»
    pub fn_expert: &'static str,
    /// «Компетенция»
    pub competence: &'static str,
    /// «Добавить участника»
    pub add_member: &'static str,
    /// «Изменить состав»
    pub change_composition: &'static str,
    /// «Утвердить состав»
    pub approve_structure: &'static str,
    /// «Утвердить состав структуры?»
    pub approve_title: &'static str,
    /// «Утверждённый состав войдёт в историю и в приказ; любое измен»
    pub approve_text: &'static str,
    /// «Черновик»
    pub st_draft: &'static str,
    /// «Утверждена»
    pub st_approved: &'static str,
    /// «Изменена — требует утверждения»
    pub st_changed: &'static str,
    /// «История утверждений»
    pub approvals_history: &'static str,
    /// «Состав ещё не утверждался»
    pub approvals_none: &'static str,
    /// «Список всех учётных записей школы доступен только администра»
    pub accounts_limited: &'static str,
    /// «Пакет утверждён»
    pub package_approved: &'static str,
    /// «Пакет не утверждён»
    pub package_not_approved: &'static str,
    /// «Программа инновационной деятельности»
    pub doc_programme: &'static str,
    /// «Инновационная карта»
    pub doc_innovation_map: &'static str,
    /// «План работы»
    pub doc_work_plan: &'static str,
    /// «Система отслеживания результатов»
    pub doc_results_tracking: &'static str,
    /// «Версий ещё нет»
    pub no_version: &'static str,
    /// «Версия»
    pub version: &'static str,
    /// «На рассмотрении»
    pub vs_under_review: &'static str,
    /// «Одобрена»
    pub vs_approved: &'static str,
    /// «Возвращена на доработку»
    pub vs_returned: &'static str,
    /// «Заменена новой версией»
    pub vs_superseded: &'static str,
    /// «Представил(а)»
    pub submitted_by: &'static str,
    /// «Решение принял(а)»
    pub decided_by: &'static str,
    /// «Новая версия»
    pub new_version: &'static str,
    /// «Текст программы»
    pub programme_text: &'static str,
    /// «Что изменилось»
    pub note: &'static str,
    /// «Представить на рассмотрение»
    pub submit_version: &'static str,
    /// «Версия зафиксирует текущие пункты плана работы проекта.»
    pub snapshot_plan_hint: &'static str,
    /// «Версия зафиксирует текущие показатели и их целевые значения.»
    pub snapshot_tracking_hint: &'static str,
    /// «Зафиксировать и представить»
    pub submit_snapshot: &'static str,
    /// «Проблема»
    pub map_problem: &'static str,
    /// «Идея»
    pub map_idea: &'static str,
    /// «Цель»
    pub map_goal: &'static str,
    /// «Задачи»
    pub map_tasks: &'static str,
    /// «Ожидаемые результаты»
    pub map_expected_results: &'static str,
    /// «Продукты»
    pub map_products: &'static str,
    /// «Ресурсы»
    pub map_resources: &'static str,
    /// «Риски»
    pub map_risks: &'static str,
    /// «Потребители»
    pub map_consumers: &'static str,
    /// «Структуры ещё не сформированы»
    pub no_structures: &'static str,
    /// «Пунктов плана на этот год нет»
    pub no_plan_items: &'static str,
    /// «Показатели ещё не добавлены»
    pub no_indicators: &'static str,
    /// «Приказов ещё нет»
    pub no_orders: &'static str,
    /// «Показать историю»
    pub show_history: &'static str,
    /// «Более ранних версий нет»
    pub no_earlier_versions: &'static str,
    /// «Скрыть историю»
    pub hide_history: &'static str,
    /// «Одобрить»
    pub approve: &'static str,
    /// «Вернуть на доработку»
    pub return_version: &'static str,
    /// «Комментарий к решению»
    pub review_comment: &'static str,
    /// «Обязателен при возврате на доработку»
    pub review_comment_hint: &'static str,
    /// «Напишите, что нужно доработать»
    pub comment_required: &'static str,
    /// «Обсуждение»
    pub comments: &'static str,
    /// «Комментариев пока нет»
    pub comments_none: &'static str,
    /// «Комментарий»
    pub comment: &'static str,
    /// «Отправить комментарий»
    pub add_comment: &'static str,
    /// «Пунктов плана»
    pub plan_items_count: &'static str,
    /// «Показателей»
    pub indicators_count: &'static str,
    /// «План работы»
    pub plan_heading: &'static str,
    /// «Выполнение плана»
    pub completion: &'static str,
    /// «Выполнено в срок»
    pub on_time: &'static str,
    /// «нет пунктов с наступившим сроком»
    pub nothing_due: &'static str,
    /// «Срок наступил»
    pub due_counts: &'static str,
    /// «выполнено»
    pub done_counts: &'static str,
    /// «Просроченные пункты»
    pub overdue_list: &'static str,
    /// «Просроченных пунктов нет»
    pub overdue_none: &'static str,
    /// «Просрочено»
    pub overdue_mark: &'static str,
    /// «Добавить пункт»
    pub add_item: &'static str,
    /// «Новый пункт плана»
    pub item_new: &'static str,
    /// «Изменение пункта плана»
    pub item_edit: &'static str,
    /// «Мероприятие»
    pub action: &'static str,
    /// «Ответственный»
    pub responsible: &'static str,
    /// «ФИО ответственного»
    pub responsible_name: &'static str,
    /// «— другой человек —»
    pub responsible_other: &'static str,
    /// «Срок»
    pub deadline: &'static str,
    /// «Ожидаемый результат»
    pub expected_result: &'static str,
    /// «Подтверждение выполнения»
    pub evidence: &'static str,
    /// «Ссылка или описание документа либо приложенный файл; обязательно для выполненного пункта»
    pub evidence_hint: &'static str,
    /// «Дата выполнения»
    pub done_on: &'static str,
    /// «Запланировано»
    pub ps_planned: &'static str,
    /// «Выполняется»
    pub ps_in_progress: &'static str,
    /// «Выполнено»
    pub ps_done: &'static str,
    /// «Отменено»
    pub ps_cancelled: &'static str,
    /// «Удалить пункт плана?»
    pub delete_item_title: &'static str,
    /// «Пункт будет удалён из плана без возможности восстановления.»
    pub delete_item_text: &'static str,
    /// «Показатели результативности»
    pub indicators_heading: &'static str,
    /// «Добавить показатель»
    pub add_indicator: &'static str,
    /// «Новый показатель»
    pub indicator_new: &'static str,
    /// «Изменение показателя»
    pub indicator_edit: &'static str,
    /// «Показатель»
    pub indicator_title: &'static str,
    /// «Единица измерения»
    pub unit: &'static str,
    /// «Целевое значение»
    pub target: &'static str,
    /// «Фактическое значение»
    pub actual: &'static str,
    /// «Достигнуто»
    pub achieved: &'static str,
    /// «Приказы»
    pub orders_heading: &'static str,
    /// «Подготовить приказ»
    pub add_order: &'static str,
    /// «Проект приказа»
    pub order_new: &'static str,
    /// «Изменение проекта приказа»
    pub order_edit: &'static str,
    /// «Номер»
    pub number: &'static str,
    /// «Дата приказа»
    pub order_date: &'static str,
    /// «Подписывает (ФИО)»
    pub signatory_name: &'static str,
    /// «Должность»
    pub signatory_position: &'static str,
    /// «Заголовок»
    pub order_title: &'static str,
    /// «Оставьте пустым — заголовок составится по проекту»
    pub order_title_hint: &'static str,
    /// «Пункты приказа»
    pub points: &'static str,
    /// «По одному пункту в строке; оставьте пустым — пункты составят»
    pub points_hint: &'static str,
    /// «Проект»
    pub os_draft: &'static str,
    /// «Издан»
    pub os_issued: &'static str,
    /// «Издать приказ»
    pub issue: &'static str,
    /// «Издать приказ?»
    pub issue_title: &'static str,
    /// «Изданный приказ нельзя изменить.»
    pub issue_text: &'static str,
    /// «Скачать DOCX»
    pub download_docx: &'static str,
    /// «Печатная форма»
    pub print_view: &'static str,
    /// «Печать»
    pub print: &'static str,
    /// «ПРИКАЗ»
    pub order_word: &'static str,
    /// «ПРИКАЗЫВАЮ:»
    pub i_order: &'static str,
    /// «Приложение к приказу»
    pub appendix: &'static str,
    /// «Участники инновационной деятельности»
    pub participants: &'static str,
    /// «ФИО»
    pub participant_name: &'static str,
    /// «Структура»
    pub structure: &'static str,
    /// «ПРОЕКТ»
    pub draft_mark: &'static str,
    /// «Приказ нельзя издать: пакет документов ещё не утверждён сове»
    pub refused_package_not_approved: &'static str,
    /// «Приказ нельзя издать: не все структуры проекта утверждены ди»
    pub refused_structures_not_approved: &'static str,
    /// «Приказ нельзя издать: проект не ссылается на проблему из заф»
    pub refused_no_ranked_problems: &'static str,
    /// «Приказ уже издан и не может быть изменён.»
    pub refused_order_issued: &'static str,
    /// «Апробация завершена: изменения невозможны.»
    pub refused_pilot_concluded: &'static str,
    /// «В списке уже столько записей, сколько допускается…» (plan items, indicators, risks, structures)
    pub refused_item_limit: &'static str,
    /// «Ранжирование зафиксировано: изменения невозможны.»
    pub refused_ranking_frozen: &'static str,
    /// «Критерии нельзя изменить: проблемы уже оценивались.»
    pub refused_ranking_scored: &'static str,
    /// «Проблему нельзя удалить: на неё ссылается проект.»
    pub refused_problem_cited: &'static str,
    /// «Этот учебный год уже подтверждён.»
    pub refused_year_confirmed: &'static str,
    /// «Нечего фиксировать: сначала добавьте пункты плана или показа»
    pub refused_nothing_to_submit: &'static str,
    /// «Версия уже не на рассмотрении.»
    pub refused_not_under_review: &'static str,
    /// «Этот состав уже утверждён.»
    pub refused_already_approved: &'static str,
    /// «Ранжирование проблем»
    pub ranking_heading: &'static str,
    /// «Ранжирование на этот учебный год ещё не открыто.»
    pub no_round: &'static str,
    /// «Открыть ранжирование»
    pub open_round: &'static str,
    /// «Критерии оценки»
    pub criteria: &'static str,
    /// «Критерий»
    pub criterion: &'static str,
    /// «Вес»
    pub weight: &'static str,
    /// «Добавить критерий»
    pub add_criterion: &'static str,
    /// «Сохранить критерии»
    pub save_criteria: &'static str,
    /// «Критерии и веса можно менять, пока никто не оценил проблемы.»
    pub criteria_hint: &'static str,
    /// «Зафиксировано»
    pub round_frozen: &'static str,
    /// «Открыто»
    pub round_open: &'static str,
    /// «Ранжирование зафиксировано и доступно только для чтения.»
    pub frozen_readonly: &'static str,
    /// «Проблемы»
    pub problems: &'static str,
    /// «Добавить проблему»
    pub add_problem: &'static str,
    /// «Новая проблема»
    pub problem_new: &'static str,
    /// «Изменение проблемы»
    pub problem_edit: &'static str,
    /// «Проблема»
    pub problem_title: &'static str,
    /// «Описание»
    pub problem_description: &'static str,
    /// «Чем подтверждается»
    pub problem_evidence: &'static str,
    /// «Удалить проблему?»
    pub delete_problem_title: &'static str,
    /// «Проблема и все её оценки будут удалены.»
    pub delete_problem_text: &'static str,
    /// «Ваши оценки»
    pub your_scores: &'static str,
    /// «Сохранить оценки»
    pub save_scores: &'static str,
    /// «Результат ранжирования»
    pub result: &'static str,
    /// «Место»
    pub rank: &'static str,
    /// «Балл»
    pub score: &'static str,
    /// «Оценки членов совета»
    pub members_scores: &'static str,
    /// «не оценена»
    pub not_scored: &'static str,
    /// «Как считается ранжирование»
    pub method_heading: &'static str,
    /// «Каждый член совета оценивает проблему по каждому критерию от»
    pub method: &'static str,
    /// «Члены совета»
    pub council_heading: &'static str,
    /// «оценено»
    pub scored_of: &'static str,
    /// «Зафиксировать ранжирование»
    pub freeze: &'static str,
    /// «Зафиксировать ранжирование?»
    pub freeze_title: &'static str,
    /// «После фиксации нельзя добавлять, изменять и оценивать пробле»
    pub freeze_text: &'static str,
    /// «Ожидают решения»
    pub approvals_heading: &'static str,
    /// «Что ожидает»
    pub waiting_kind: &'static str,
    /// «Состав структуры»
    pub wk_structure: &'static str,
    /// «Версия документа»
    pub wk_document_version: &'static str,
    /// «Приказ»
    pub wk_order: &'static str,
    /// «Проект»
    pub waiting_project: &'static str,
    /// «Название»
    pub waiting_title: &'static str,
    /// «Ожидает с»
    pub waiting_since: &'static str,
    /// «Сроки и напоминания»
    pub reminders_heading: &'static str,
    /// «Пункт плана»
    pub rk_plan_item: &'static str,
    /// «Пересмотр риска»
    pub rk_risk_review: &'static str,
    /// The kind of a reminder of an event waiting for the user's feedback.
    pub rk_event_feedback: &'static str,
    /// «Ближайших сроков нет»
    pub reminders_none: &'static str,
    /// «Срок через {}», `{}` being a count of days
    pub due_in: &'static str,
    /// «Срок сегодня»
    pub due_today: &'static str,
    /// «Просрочено на {}», `{}` being a count of days
    pub overdue_by: &'static str,
    /// «день», «дня», «дней»
    pub days: Noun,
    /// «← К проекту»
    pub back_to_project: &'static str,
    /// «Приложенные файлы»
    pub attachments: &'static str,
    /// «Файлов нет»
    pub no_attachments: &'static str,
    /// «Удалить файл?»
    pub delete_attachment_title: &'static str,
    /// «Файл будет удалён без возможности восстановления.»
    pub delete_attachment_text: &'static str,
}
