//! Component tests, run in headless Chromium by `wasm-bindgen-test-runner`
//! (`cargo xtask test` does it; they only exist for `wasm32`).
#![cfg(target_arch = "wasm32")]

use clientela_frontend::protocol::FileOverview;
use clientela_frontend::{
    ColumnsStep, FileStep, ImportWizard, LanguagePicker, OptionsStep, SignInForm, WizardState,
    forget_language, provide_language,
};
use clientela_shared::{
    AgentInfo, Field, GroupInfo, Me, Profile, Role, Target, WorkspaceSchema, suggest_mapping,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` into a fresh element of the page and returns that element.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let parent: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&parent).unwrap();
    leptos::mount::mount_to(parent.clone(), view).forget();
    parent
}

fn overview() -> FileOverview {
    let columns: Vec<String> = vec!["Correo".into(), "Email 2".into(), "Nombre".into()];
    let mut mapping = suggest_mapping(&columns, &[] as &[Vec<String>], &Profile::default());
    mapping.choose(1, Target::Field(Field::Email));
    FileOverview {
        name: "clientes.csv".into(),
        format: "csv".into(),
        encoding: Some("windows-1252".into()),
        delimiter: Some(';'),
        sheet: None,
        sheets: Vec::new(),
        header_line: 1,
        columns,
        rows: 2,
        preview: vec![vec!["a@x.com".into(), "b@x.com".into(), "José".into()]],
        samples: vec![
            vec!["a@x.com".into()],
            vec!["b@x.com".into()],
            vec!["José".into()],
        ],
        mapping,
        problems: Vec::new(),
    }
}

/// A wizard state holding `overview`, as after dropping a file.
fn state_with_file() -> WizardState {
    let state = WizardState::new();
    let file = overview();
    state.mapping.set(Some(file.mapping.clone()));
    state.file.set(Some(file));
    state
}

#[wasm_bindgen_test]
fn the_wizard_starts_at_the_file_step_with_later_steps_locked() {
    let parent = mount(ImportWizard);
    assert!(
        parent
            .query_selector("input#file-input[type=file]")
            .unwrap()
            .is_some()
    );
    let button = |id: &str| -> web_sys::HtmlButtonElement {
        parent
            .query_selector(&format!("#step-{id}"))
            .unwrap()
            .unwrap()
            .unchecked_into()
    };
    assert_eq!(
        button("file").get_attribute("aria-current").as_deref(),
        Some("step")
    );
    assert!(!button("file").disabled());
    for locked in ["columns", "review", "options", "import", "result"] {
        assert!(
            button(locked).disabled(),
            "{locked} is locked before a file is read"
        );
    }
    assert!(parent.text_content().unwrap().contains("Import customers"));
}

#[wasm_bindgen_test]
fn the_file_step_shows_what_was_detected_and_the_preview() {
    let state = state_with_file();
    let parent = mount(move || {
        provide_context(state);
        view! { <FileStep /> }
    });
    let summary = parent
        .query_selector("#file-summary")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(
        summary,
        "clientes.csv: 2 rows, 3 columns (CSV, windows-1252, separator semicolon, header on line 1)"
    );
    assert!(
        parent
            .query_selector("#preview")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
            .contains("José")
    );
    let delimiter: web_sys::HtmlSelectElement = parent
        .query_selector("select#delimiter")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(delimiter.value(), ";");
}

/// Lets the page's pending effects run (Leptos updates the DOM on the next tick).
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_columns_step_calls_out_a_field_mapped_twice_and_takes_a_new_choice() {
    let state = state_with_file();
    let parent = mount(move || {
        provide_context(state);
        view! { <ColumnsStep /> }
    });
    let problems = parent.query_selector("#mapping-problems").unwrap().unwrap();
    assert!(
        problems.text_content().unwrap().contains("Correo, Email 2"),
        "{}",
        problems.inner_html()
    );
    let label = parent.query_selector("label[for=map-1]").unwrap().unwrap();
    assert_eq!(label.text_content().unwrap(), "Email 2");
    let next = || parent.query_selector("#to-review").unwrap().unwrap();
    assert!(
        next().has_attribute("disabled"),
        "no way on while Email is mapped twice"
    );

    let select: web_sys::HtmlSelectElement = parent
        .query_selector("select#map-1")
        .unwrap()
        .unwrap()
        .unchecked_into();
    select.set_value("extra");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    let mapping = state.mapping.get_untracked().unwrap();
    assert_eq!(mapping.columns[1].target, Target::Extra);
    next_tick().await;
    assert_eq!(
        problems.text_content().unwrap(),
        "",
        "no field is mapped twice now"
    );
    assert!(!next().has_attribute("disabled"));
}

#[wasm_bindgen_test]
fn sign_in_form_has_labelled_email_and_password_fields() {
    let parent = mount(|| view! { <SignInForm on_signed_in=Callback::new(|_| {}) /> });
    for (id, kind) in [("sign-in-email", "email"), ("sign-in-password", "password")] {
        let input = parent
            .query_selector(&format!("input#{id}[type={kind}][required]"))
            .unwrap();
        assert!(input.is_some(), "{}", parent.inner_html());
        let label = parent.query_selector(&format!("label[for={id}]")).unwrap();
        assert!(label.is_some(), "{id} has a label");
    }
    assert!(
        parent
            .query_selector("button#sign-in-button[type=submit]")
            .unwrap()
            .is_some()
    );
}

#[wasm_bindgen_test]
async fn the_language_picker_switches_the_wizard_to_spanish_and_remembers_it() {
    let parent = mount(|| {
        provide_language();
        view! {
            <LanguagePicker />
            <ImportWizard />
        }
    });
    let file_step = parent.query_selector("#step-file").unwrap().unwrap();
    assert_eq!(file_step.text_content().unwrap(), "1 File");
    assert!(
        parent
            .query_selector("label select#language")
            .unwrap()
            .is_some(),
        "the picker has a label"
    );

    let picker: web_sys::HtmlSelectElement = parent
        .query_selector("select#language")
        .unwrap()
        .unwrap()
        .unchecked_into();
    picker.set_value("es");
    picker
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    next_tick().await;
    let remembered = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("clientela.language")
        .unwrap();
    // The other tests expect the browser's English.
    forget_language();

    assert_eq!(file_step.text_content().unwrap(), "1 Archivo");
    assert!(parent.text_content().unwrap().contains("Importar clientes"));
    assert_eq!(remembered.as_deref(), Some("es"));
}

#[wasm_bindgen_test]
fn the_next_file_keeps_the_options_but_not_the_list() {
    let owner = Owner::new();
    owner.with(|| {
        let state = state_with_file();
        state.options.update(|options| {
            options.list = Some("Feria 2026".into());
            options.reassign_if_unavailable = true;
        });
        state.forget_file();
        let options = state.options.get_untracked();
        assert_eq!(options.list, None);
        assert!(options.reassign_if_unavailable);
        assert!(state.file.get_untracked().is_none());
    });
}

#[wasm_bindgen_test]
fn an_agent_is_offered_only_themselves_and_their_groups() {
    let agent = |id, email: &str| AgentInfo {
        id,
        email: email.into(),
        name: email.into(),
        role: Role::Agent,
        available: true,
        active: true,
    };
    let group = |name: &str, member: &str| GroupInfo {
        name: name.into(),
        members: vec![member.into()],
    };
    let parent = mount(move || {
        provide_language();
        let state = state_with_file();
        state.schema.set(Some(WorkspaceSchema {
            fields: Vec::new(),
            tags: Vec::new(),
            agents: vec![agent(1, "ana@crm.example"), agent(2, "luis@crm.example")],
            profiles: Vec::new(),
            groups: vec![
                group("Ventas", "ana@crm.example"),
                group("Soporte", "luis@crm.example"),
            ],
            custom_fields: Vec::new(),
        }));
        provide_context(state);
        provide_context(Me {
            id: 1,
            email: "ana@crm.example".into(),
            name: "Ana".into(),
            role: Role::Agent,
            workspace_id: 1,
        });
        view! { <OptionsStep /> }
    });
    let choices = parent
        .query_selector("#assign-to")
        .unwrap()
        .expect("the assignee choice")
        .text_content()
        .unwrap_or_default();
    assert!(choices.contains("ana@crm.example"), "{choices}");
    assert!(choices.contains("Ventas"), "{choices}");
    assert!(!choices.contains("luis@crm.example"), "{choices}");
    assert!(!choices.contains("Soporte"), "{choices}");
}
